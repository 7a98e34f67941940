package uk.gov.analyticalplatform.appdeploy;

import java.util.UUID;

/**
 * The decision in front of every app: may this signed-in user open it? One indexed lookup
 * per call, made for every request an app's ingress receives.
 */
public interface AppGate {

	/**
	 * Decides for the app named by its host's first label.
	 * @param app the app's name
	 * @param userId the signed-in user's id
	 * @param email the user's email (lower case or not), or {@code null}
	 */
	Admission admit(String app, UUID userId, String email);

	/** What the gate decided. */
	enum Admission {

		/** An owner of the app. */
		OWNER,
		/** One of its viewers. */
		VIEWER,
		/** Neither, or no such app. */
		REFUSED;

		public boolean admitted() {
			return this != REFUSED;
		}

	}

}

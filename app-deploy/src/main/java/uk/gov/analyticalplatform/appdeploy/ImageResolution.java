package uk.gov.analyticalplatform.appdeploy;

import java.util.Objects;

/**
 * How a version's image was pinned when it was registered.
 *
 * @param image what is stored and deployed: {@code <repository>@sha256:<digest>}, or the
 * reference as given when it could not be resolved
 * @param requested the reference the owner or pipeline gave
 * @param state given by digest, resolved from a tag, or left unresolved
 * @param reason why it is unresolved, else {@code null}
 */
public record ImageResolution(String image, String requested, State state, String reason) {

	public ImageResolution {
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(state, "state");
		if ((state == State.UNRESOLVED) != (reason != null)) {
			throw new IllegalArgumentException("Exactly an unresolved image has a reason");
		}
	}

	public static ImageResolution byDigest(String image) {
		return new ImageResolution(image, image, State.DIGEST, null);
	}

	public static ImageResolution resolved(String image, String requested) {
		return new ImageResolution(image, requested, State.RESOLVED, null);
	}

	public static ImageResolution unresolved(String image, String reason) {
		return new ImageResolution(image, image, State.UNRESOLVED, reason);
	}

	/** How the image was pinned. */
	public enum State {

		/** Registered by digest. */
		DIGEST,
		/** Registered by tag, resolved to the digest the registry served then. */
		RESOLVED,
		/** Registered by tag, stored as given: the registry could not be asked. */
		UNRESOLVED

	}

}

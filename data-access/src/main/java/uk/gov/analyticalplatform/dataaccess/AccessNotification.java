package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.UUID;

/**
 * Something people should be told about an access request, or about an app that holds
 * grants, handed to the {@link AccessNotificationSender} after the change committed.
 *
 * @param id the notification's id, the same at every attempt, so that a sender can tell a
 * repeat
 * @param kind what happened
 * @param request the request as it is when the notification is sent; {@code null} for
 * {@link Kind#APP_OWNER_ADDED}
 * @param recipients who to tell: for {@link Kind#REQUEST_CREATED} everyone who may decide
 * it besides platform admins (the dataset's data admins and holders of an {@code ADMIN}
 * grant on it), never the requester; for {@link Kind#REQUEST_DECIDED} the requester; for
 * {@link Kind#APP_OWNER_ADDED} one data admin of the grant's dataset
 * @param platformAdmins whether to tell the platform admins (other than the requester)
 * instead, because nobody else may decide the new request; never for
 * {@link Kind#APP_OWNER_ADDED}
 * @param attempt which attempt this is, from 1
 * @param grant for {@link Kind#APP_OWNER_ADDED}, the app's grant as it is when the
 * notification is sent (active), else {@code null}
 * @param ownerAdded for {@link Kind#APP_OWNER_ADDED}, who became an owner of the app, who
 * added them and when, else {@code null}
 */
public record AccessNotification(UUID id, Kind kind, AccessRequest request, List<UserRef> recipients,
		boolean platformAdmins, int attempt, Grant grant, AppOwnerAdded ownerAdded) {

	public AccessNotification {
		recipients = List.copyOf(recipients);
		if ((kind == Kind.APP_OWNER_ADDED) != (grant != null && ownerAdded != null && request == null)) {
			throw new IllegalArgumentException("A new app owner's notification has the grant and the added "
					+ "owner and no request; any other has a request and neither");
		}
	}

	/** A notification about an access request. */
	public AccessNotification(UUID id, Kind kind, AccessRequest request, List<UserRef> recipients,
			boolean platformAdmins, int attempt) {
		this(id, kind, request, recipients, platformAdmins, attempt, null, null);
	}

	/**
	 * A notification to one data admin of the grant's dataset that the app holding it has
	 * a new owner.
	 */
	public static AccessNotification appOwnerAdded(UUID id, Grant grant, AppOwnerAdded added, UserRef dataAdmin,
			int attempt) {
		return new AccessNotification(id, Kind.APP_OWNER_ADDED, null, List.of(dataAdmin), false, attempt, grant, added);
	}

	/** What the notification tells of, for logs: the request's or the grant's id. */
	public String about() {
		return (this.request != null) ? "access request " + this.request.id()
				: "app " + this.ownerAdded.app() + "'s grant " + this.grant.id();
	}

	/** What happened. */
	public enum Kind {

		/** Someone asked for access; those who may decide are told. */
		REQUEST_CREATED,

		/**
		 * It was approved, rejected, expired or withdrawn by someone other than the
		 * requester; the requester is told.
		 */
		REQUEST_DECIDED,

		/**
		 * An app that holds a grant has a new owner, who reaches the grant's data through
		 * the app without having been reviewed; each data admin of the dataset is told.
		 */
		APP_OWNER_ADDED

	}

}

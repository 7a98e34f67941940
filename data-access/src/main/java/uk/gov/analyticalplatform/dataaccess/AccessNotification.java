package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.UUID;

/**
 * Something people should be told about an access request, handed to the
 * {@link AccessNotificationSender} after the change committed.
 *
 * @param id the notification's id, the same at every attempt, so that a sender can tell a
 * repeat
 * @param kind what happened
 * @param request the request as it is when the notification is sent
 * @param recipients who to tell: for {@link Kind#REQUEST_CREATED} everyone who may decide
 * it besides platform admins (the dataset's data admins and holders of an {@code ADMIN}
 * grant on it), never the requester; for {@link Kind#REQUEST_DECIDED} the requester
 * @param platformAdmins whether to tell the platform admins (other than the requester)
 * instead, because nobody else may decide the new request
 * @param attempt which attempt this is, from 1
 */
public record AccessNotification(UUID id, Kind kind, AccessRequest request, List<UserRef> recipients,
		boolean platformAdmins, int attempt) {

	public AccessNotification {
		recipients = List.copyOf(recipients);
	}

	/** What happened to the request. */
	public enum Kind {

		/** Someone asked for access; those who may decide are told. */
		REQUEST_CREATED,

		/**
		 * It was approved, rejected, expired or withdrawn by someone other than the
		 * requester; the requester is told.
		 */
		REQUEST_DECIDED

	}

}

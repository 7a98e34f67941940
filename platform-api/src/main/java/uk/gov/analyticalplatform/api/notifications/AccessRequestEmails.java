package uk.gov.analyticalplatform.api.notifications;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import uk.gov.analyticalplatform.dataaccess.AccessNotification;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.AppOwnerAdded;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.PathAccess;

/**
 * The plain-text emails about access requests: what was asked for (dataset, level, paths,
 * justification) or decided (by whom, why), in the control panel's words, with a link to
 * the page where the reader acts on it; and to a data admin, that an app holding a grant
 * on their dataset has a new owner. Nothing secret and nothing of the data itself.
 */
final class AccessRequestEmails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private final String environmentName;

	private final String baseUrl;

	AccessRequestEmails(String environmentName, URI baseUrl) {
		this.environmentName = environmentName;
		this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
	}

	Email render(AccessNotification notification) {
		return switch (notification.kind()) {
			case REQUEST_CREATED -> created(notification);
			case REQUEST_DECIDED -> decided(notification.request());
			case APP_OWNER_ADDED -> ownerAdded(notification.grant(), notification.ownerAdded());
		};
	}

	private Email ownerAdded(Grant grant, AppOwnerAdded added) {
		String dataset = grant.dataset().name();
		String owner = added.owner().username();
		String text = added.addedBy().username() + " made " + owner + " an owner of app " + added.app()
				+ ", which has access to " + dataset + ".\n\n"
				+ "An app's owners deploy the code that runs with its access, so " + owner + " can now reach " + dataset
				+ " through the app without anyone having reviewed that.\n\n" + details(grant, added)
				+ "Review the app's access in the control panel, and revoke it if " + owner + " should not have it:\n"
				+ this.baseUrl + "/data/datasets/" + grant.dataset().id() + "/access\n\n"
				+ "You receive this email because you are a data admin of " + dataset + ".\n" + signature();
		return new Email(subject(owner + " is now an owner of app " + added.app() + ", which has access to " + dataset),
				text);
	}

	private Email created(AccessNotification notification) {
		AccessRequest request = notification.request();
		String dataset = request.dataset().name();
		String why = notification.platformAdmins()
				? "because " + dataset + " has no data admins and you are a platform admin"
				: "because you may decide access requests for " + dataset;
		String forApp = request.forApp()
				? " for app " + request.app() + " (its own IAM role; you may not decide it if you own the app)" : "";
		String text = request.requester().username() + " has asked for access to " + dataset + forApp + ".\n\n"
				+ details(request) + "Justification:\n" + indent(request.justification()) + "\n\n"
				+ "Approve or reject it in the control panel:\n" + this.baseUrl + "/data/approvals\n\n"
				+ "You receive this email " + why + ".\n" + signature();
		return new Email(subject(request.requester().username() + " asks for access to " + dataset
				+ (request.forApp() ? " for app " + request.app() : "")), text);
	}

	private Email decided(AccessRequest request) {
		String dataset = request.dataset().name();
		String outcome = (request.state() == AccessRequestState.EXPIRED) ? "expired"
				: "was " + request.state().name().toLowerCase(Locale.ROOT);
		String by = (request.decidedBy() != null) ? " by " + request.decidedBy().username() : "";
		String text = "Your request for access to " + dataset + " " + outcome + by + " on " + time(request.decidedAt())
				+ ".\n\n" + details(request)
				+ ((request.decisionReason() != null) ? "Reason:\n" + indent(request.decisionReason()) + "\n\n" : "")
				+ next(request.state()) + "\n\nYour requests in the control panel:\n" + this.baseUrl
				+ "/data/requests\n" + signature();
		return new Email(subject("Your request for access to " + dataset + " " + outcome), text);
	}

	private String details(AccessRequest request) {
		return "Dataset:       " + request.dataset().name() + "\n" + "Level:         " + request.level().label() + "\n"
				+ "Paths:         " + PathAccess.describe(request.paths()) + "\n" + "Wanted until:  "
				+ ((request.wantedUntil() != null) ? time(request.wantedUntil()) : "No end date") + "\n"
				+ "Requested on:  " + time(request.createdAt()) + "\n\n";
	}

	private static String details(Grant grant, AppOwnerAdded added) {
		return """
				Dataset:       %s
				App:           %s
				Level:         %s
				Paths:         %s
				Granted on:    %s
				Expires:       %s
				New owner:     %s
				Added by:      %s
				Added on:      %s

				""".formatted(grant.dataset().name(), added.app(), grant.level().label(),
				PathAccess.describe(grant.paths()), time(grant.grantedAt()),
				(grant.expiresAt() != null) ? time(grant.expiresAt()) : "No end date", added.owner().username(),
				added.addedBy().username(), time(added.addedAt()));
	}

	private static String next(AccessRequestState state) {
		return switch (state) {
			case APPROVED ->
				"Your access is being applied now; \"My data\" in the control panel shows when it is " + "in place.";
			case EXPIRED -> "Nobody decided it in time. Make a new request if you still need the data.";
			default -> "Make a new request if you still need the data.";
		};
	}

	private String subject(String text) {
		return "[" + this.environmentName + "] " + text;
	}

	private String signature() {
		return "\n-- \n" + this.environmentName + " (" + this.baseUrl + ")\n";
	}

	private static String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	private static String indent(String text) {
		return "  " + text.strip().replaceAll("\\R", "\n  ");
	}

	/**
	 * One email's subject and plain-text body.
	 *
	 * @param subject the subject line
	 * @param text the body
	 */
	record Email(String subject, String text) {

	}

}

package uk.gov.analyticalplatform.api.notifications;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.api.notifications.AccessRequestEmails.Email;
import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessNotification;
import uk.gov.analyticalplatform.dataaccess.AccessNotification.Kind;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.AppOwnerAdded;
import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.UserRef;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRequestEmailsTests {

	private static final UserRef ALICE = new UserRef("u-alice", "alice");

	private static final UserRef BOB = new UserRef("u-bob", "bob");

	private final AccessRequestEmails emails = new AccessRequestEmails("Production",
			URI.create("https://control-panel.example.gov.uk/"));

	@Test
	void aNewRequestTellsThoseWhoMayDecideWhatIsAskedAndWhereToDecide() {
		Email email = this.emails
			.render(new AccessNotification(UUID.randomUUID(), Kind.REQUEST_CREATED, pending(), List.of(BOB), false, 1));
		assertThat(email.subject()).isEqualTo("[Production] alice asks for access to prisons");
		assertThat(email.text()).isEqualTo("""
				alice has asked for access to prisons.

				Dataset:       prisons
				Level:         Read and write
				Paths:         monthly/ (Read), scratch/ (Read and write)
				Wanted until:  31 December 2026 17:00 UTC
				Requested on:  29 November 2026 09:30 UTC

				Justification:
				  Monthly population report
				  for the minister

				Approve or reject it in the control panel:
				https://control-panel.example.gov.uk/data/approvals

				You receive this email because you may decide access requests for prisons.

				--\s
				Production (https://control-panel.example.gov.uk)
				""");
	}

	@Test
	void platformAdminsAreToldWhyARequestComesToThem() {
		Email email = this.emails
			.render(new AccessNotification(UUID.randomUUID(), Kind.REQUEST_CREATED, pending(), List.of(), true, 1));
		assertThat(email.text())
			.contains("You receive this email because prisons has no data admins and you are a platform admin.");
	}

	@Test
	void aDecisionTellsTheRequesterWhoDecidedWhyAndWhereToLook() {
		Email email = this.emails.render(new AccessNotification(UUID.randomUUID(), Kind.REQUEST_DECIDED,
				decided(AccessRequestState.APPROVED, BOB, "Needed for the report"), List.of(ALICE), false, 1));
		assertThat(email.subject()).isEqualTo("[Production] Your request for access to prisons was approved");
		assertThat(email.text()).isEqualTo("""
				Your request for access to prisons was approved by bob on 30 November 2026 10:15 UTC.

				Dataset:       prisons
				Level:         Read and write
				Paths:         monthly/ (Read), scratch/ (Read and write)
				Wanted until:  31 December 2026 17:00 UTC
				Requested on:  29 November 2026 09:30 UTC

				Reason:
				  Needed for the report

				Your access is being applied now; "My data" in the control panel shows when it is in place.

				Your requests in the control panel:
				https://control-panel.example.gov.uk/data/requests

				--\s
				Production (https://control-panel.example.gov.uk)
				""");
	}

	@Test
	void anExpiryNamesNoDeciderAndSaysWhatToDoNext() {
		Email email = this.emails.render(new AccessNotification(UUID.randomUUID(), Kind.REQUEST_DECIDED,
				decided(AccessRequestState.EXPIRED, null, "expired before a decision"), List.of(ALICE), false, 1));
		assertThat(email.subject()).isEqualTo("[Production] Your request for access to prisons expired");
		assertThat(email.text()).startsWith("Your request for access to prisons expired on 30 November 2026 10:15 UTC.")
			.contains("Nobody decided it in time. Make a new request if you still need the data.")
			.doesNotContain(" by ");
	}

	@Test
	void aRejectionGivesTheReason() {
		Email email = this.emails.render(new AccessNotification(UUID.randomUUID(), Kind.REQUEST_DECIDED,
				decided(AccessRequestState.REJECTED, BOB, "Ask for the monthly/ path only"), List.of(ALICE), false, 2));
		assertThat(email.subject()).isEqualTo("[Production] Your request for access to prisons was rejected");
		assertThat(email.text()).contains("was rejected by bob on")
			.contains("Reason:\n  Ask for the monthly/ path only\n")
			.contains("Make a new request if you still need the data.");
	}

	@Test
	void aNewOwnerOfAnAppTellsTheDataAdminWhoReachesWhatAndWhereToReviewIt() {
		UUID dataset = UUID.fromString("6b1f3a52-0c4e-4d8e-9a57-2f1c8e0d4b11");
		Grant grant = new Grant(UUID.randomUUID(), new DatasetRef(dataset, "prisons"), Principal.app("bail-dashboard"),
				AccessLevel.READ, List.of(PathAccess.read("monthly/")), null, BOB,
				Instant.parse("2026-11-30T10:15:00Z"), null, null, null, null);
		Email email = this.emails
			.render(AccessNotification.appOwnerAdded(UUID.randomUUID(), grant, new AppOwnerAdded("bail-dashboard",
					new UserRef("u-carol", "carol"), ALICE, Instant.parse("2026-12-07T08:05:00Z")), BOB, 1));
		assertThat(email.subject())
			.isEqualTo("[Production] carol is now an owner of app bail-dashboard, which has access to prisons");
		assertThat(email.text()).isEqualTo("""
				alice made carol an owner of app bail-dashboard, which has access to prisons.

				An app's owners deploy the code that runs with its access, so carol can now reach prisons through \
				the app without anyone having reviewed that.

				Dataset:       prisons
				App:           bail-dashboard
				Level:         Read
				Paths:         monthly/ (Read)
				Granted on:    30 November 2026 10:15 UTC
				Expires:       No end date
				New owner:     carol
				Added by:      alice
				Added on:      7 December 2026 08:05 UTC

				Review the app's access in the control panel, and revoke it if carol should not have it:
				https://control-panel.example.gov.uk/data/datasets/6b1f3a52-0c4e-4d8e-9a57-2f1c8e0d4b11/access

				You receive this email because you are a data admin of prisons.

				--\s
				Production (https://control-panel.example.gov.uk)
				""");
	}

	private static AccessRequest pending() {
		return decided(AccessRequestState.PENDING, null, null);
	}

	private static AccessRequest decided(AccessRequestState state, UserRef by, String reason) {
		Instant decidedAt = (state != AccessRequestState.PENDING) ? Instant.parse("2026-11-30T10:15:00Z") : null;
		return new AccessRequest(UUID.randomUUID(), new DatasetRef(UUID.randomUUID(), "prisons"), ALICE,
				AccessLevel.READ_WRITE, List.of(PathAccess.read("monthly/"), PathAccess.readWrite("scratch/")),
				"Monthly population report\nfor the minister", Instant.parse("2026-12-31T17:00:00Z"), state,
				Instant.parse("2026-11-29T09:30:00Z"), by, decidedAt, reason, null, null);
	}

}

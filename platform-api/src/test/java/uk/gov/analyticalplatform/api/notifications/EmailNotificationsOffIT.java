package uk.gov.analyticalplatform.api.notifications;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.dataaccess.AccessNotificationSender;
import uk.gov.analyticalplatform.dataaccess.AccessNotifications;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With email off (the default, and the local setup), requests and decisions work as ever
 * and leave nothing to send.
 */
class EmailNotificationsOffIT extends IdentityIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Test
	void withEmailOffNothingIsQueuedAndNothingCouldSend() {
		assertThat(this.context.getBeanNamesForType(AccessNotificationSender.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(AccessNotifications.class)).isEmpty();
		ApiClient admin = signedIn(this.users.enrolled("padmin", Role.PLATFORM_ADMIN));
		Enrolled analyst = this.users.enrolled("analyst");
		String suffix = analyst.username().substring(analyst.username().lastIndexOf('-') + 1);
		String group = admin.post("/api/v1/groups", "{\"name\": \"owners-" + suffix + "\"}")
			.json()
			.path("id")
			.asString();
		Response dataset = admin.post("/api/v1/datasets", """
				{"name": "quiet-%s", "description": "No email here", "ownerGroupId": "%s",
				 "classification": "OFFICIAL", "kind": "S3", "bucket": "quiet-%s", "rootPrefix": ""}"""
			.formatted(suffix, group, suffix));
		assertThat(dataset.status()).as(dataset.toString()).isEqualTo(201);

		Response request = signedIn(analyst).post("/api/v1/access-requests", """
				{"datasetId": "%s", "level": "READ", "justification": "Quarterly statistics"}"""
			.formatted(dataset.json().path("id").asString()));
		assertThat(request.status()).as(request.toString()).isEqualTo(201);
		Response approved = admin.post("/api/v1/access-requests/" + request.json().path("id").asString() + "/approve",
				"{\"reason\": \"fine\"}");
		assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");

		assertThat(superuserQuery("SELECT count(*) FROM access_notifications")).containsExactly("0");
	}

}

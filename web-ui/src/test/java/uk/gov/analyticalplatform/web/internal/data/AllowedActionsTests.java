package uk.gov.analyticalplatform.web.internal.data;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.dataaccess.UserAccess.AppliedPolicy;
import uk.gov.analyticalplatform.dataaccess.UserAccess.AppliedRole;
import uk.gov.analyticalplatform.web.internal.data.AllowedActions.Rule;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedActionsTests {

	private static final String TRUST = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity"}]}""";

	private static final String PERMISSIONS = """
			{"Version":"2012-10-17","Statement":[
			 {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::prisons",
			  "Condition":{"StringLike":{"s3:prefix":["a/","a/*"]}}},
			 {"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::prisons/a/*"]},
			 {"Effect":"Deny","Action":"s3:PutObject","Resource":"arn:aws:s3:::prisons/snapshots/*"}]}""";

	@Test
	void eachPermissionStatementIsReadableAndTheTrustPolicyIsLeftOut() {
		AppliedRole role = new AppliedRole("arn:aws:iam::123456789012:role/ap_user_x",
				List.of(new AppliedPolicy("trust", TRUST), new AppliedPolicy("data-access", PERMISSIONS)), List.of(),
				Instant.EPOCH);
		assertThat(AllowedActions.of(role)).containsExactly(
				new Rule("data-access", "Allow", List.of("s3:ListBucket"), List.of("s3://prisons"),
						List.of("a/", "a/*")),
				new Rule("data-access", "Allow", List.of("s3:GetObject"), List.of("s3://prisons/a/*"), List.of()),
				new Rule("data-access", "Deny", List.of("s3:PutObject"), List.of("s3://prisons/snapshots/*"),
						List.of()));
	}

	@Test
	void nothingAppliedYetAllowsNothing() {
		assertThat(AllowedActions.of(null)).isEmpty();
	}

	@Test
	void anUnreadableDocumentIsSaidSoRatherThanHidden() {
		AppliedRole role = new AppliedRole("arn", List.of(new AppliedPolicy("broken", "{not json")), List.of(),
				Instant.EPOCH);
		assertThat(AllowedActions.of(role)).extracting(Rule::effect).containsExactly("Unreadable");
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.aws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BucketPoliciesTests {

	static final String TLS = "{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\","
			+ "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::data\",\"arn:aws:s3:::data/*\"],"
			+ "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";

	@Test
	void aBucketWithoutAPolicyGetsTheTlsOnlyStatement() {
		assertThat(BucketPolicies.withTlsOnly(null, "aws", "data"))
			.isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[" + TLS + "]}");
	}

	@Test
	void othersStatementsAreKeptAndAnOutdatedTlsStatementIsReplaced() {
		String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\","
				+ "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},"
				+ "{\"Sid\":\"Auditors\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
				+ "\"Resource\":\"arn:aws:s3:::data/*\"}]}";
		String merged = BucketPolicies.withTlsOnly(existing, "aws", "data");
		assertThat(merged).contains("\"Sid\":\"Auditors\"").endsWith(TLS + "]}");
		assertThat(PolicyDocuments.same(BucketPolicies.withTlsOnly(merged, "aws", "data"), merged)).isTrue();
	}

	@Test
	void iamsUrlEncodedDocumentsCompareByMeaning() {
		String document = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
		assertThat(PolicyDocuments.same("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D", document))
			.isTrue();
		assertThat(PolicyDocuments.same("{ \"Version\": \"2012-10-17\",\n \"Statement\": [] }", document)).isTrue();
		assertThat(PolicyDocuments.same("{\"Version\":\"2012-10-17\",\"Statement\":[{}]}", document)).isFalse();
		assertThat(PolicyDocuments.same("not json", document)).isFalse();
	}

}

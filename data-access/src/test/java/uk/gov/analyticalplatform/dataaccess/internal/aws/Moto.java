package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import uk.gov.analyticalplatform.testing.PlatformServices;

/**
 * Clients of the plain AWS emulator of {@code scripts/services.sh} (the one that checks
 * no permissions), for tests to arrange and inspect what the control plane does.
 */
final class Moto {

	private Moto() {
	}

	static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
		return builder.endpointOverride(URI.create(PlatformServices.get().awsEndpoint()))
			.region(MotoIam.REGION)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

}

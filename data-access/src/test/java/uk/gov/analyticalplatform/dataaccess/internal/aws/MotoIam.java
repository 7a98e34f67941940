package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import org.springframework.test.context.DynamicPropertyRegistry;

import uk.gov.analyticalplatform.testing.PlatformServices;

/**
 * The IAM-enforcing AWS emulator of {@code scripts/services.sh}: reset, three unchecked
 * calls to create the control plane's own admin user and key, then every call checked
 * against IAM.
 */
final class MotoIam {

	static final Region REGION = Region.EU_WEST_2;

	private static final String ADMIN_POLICY = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

	private final URI endpoint;

	private final AwsBasicCredentials admin;

	private MotoIam(URI endpoint, AwsBasicCredentials admin) {
		this.endpoint = endpoint;
		this.admin = admin;
	}

	/**
	 * Resets the emulator and creates the control plane's admin user with its first free
	 * calls.
	 */
	static MotoIam resetWithAdmin(String endpoint) {
		URI uri = URI.create(endpoint);
		post(uri, "/moto-api/reset", "");
		post(uri, "/moto-api/reset-auth", "3");
		AwsBasicCredentials anyone = AwsBasicCredentials.create("AKIAANYONE0000000000", "anything");
		try (IamClient iam = IamClient.builder()
			.endpointOverride(uri)
			.region(REGION)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(anyone))
			.build()) {
			iam.createUser((r) -> r.userName("control-plane"));
			iam.putUserPolicy((r) -> r.userName("control-plane").policyName("admin").policyDocument(ADMIN_POLICY));
			var key = iam.createAccessKey((r) -> r.userName("control-plane")).accessKey();
			return new MotoIam(uri, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
		}
	}

	/**
	 * Resets the emulator of this run's services and points the application's AWS
	 * settings at it with the admin's key: what a test's {@code @DynamicPropertySource}
	 * does to run the application against an emulator that enforces IAM.
	 */
	static MotoIam enforcing(DynamicPropertyRegistry registry) {
		MotoIam moto = resetWithAdmin(PlatformServices.get().awsIamEndpoint());
		registry.add("platform.aws.endpoint", moto::endpoint);
		registry.add("platform.aws.access-key-id", () -> moto.admin().accessKeyId());
		registry.add("platform.aws.secret-access-key", () -> moto.admin().secretAccessKey());
		return moto;
	}

	String endpoint() {
		return this.endpoint.toString();
	}

	AwsBasicCredentials admin() {
		return this.admin;
	}

	IamClient iam() {
		return IamClient.builder()
			.endpointOverride(this.endpoint)
			.region(REGION)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(this.admin))
			.build();
	}

	GlueClient glue() {
		return GlueClient.builder()
			.endpointOverride(this.endpoint)
			.region(REGION)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(this.admin))
			.build();
	}

	LakeFormationClient lakeFormation() {
		return LakeFormationClient.builder()
			.endpointOverride(this.endpoint)
			.region(REGION)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(this.admin))
			.build();
	}

	S3Client s3() {
		return s3(this.admin);
	}

	S3Client s3(AwsCredentials credentials) {
		return S3Client.builder()
			.endpointOverride(this.endpoint)
			.region(REGION)
			.forcePathStyle(true)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(credentials))
			.build();
	}

	/**
	 * Assumes the role as a user's pod does (IRSA: AssumeRoleWithWebIdentity). The
	 * emulator wants even this call signed, so it is signed with the admin's key.
	 */
	AwsSessionCredentials assumeWithWebIdentity(String roleArn, String session) {
		try (StsClient sts = StsClient.builder()
			.endpointOverride(this.endpoint)
			.region(REGION)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(this.admin))
			.authSchemeProvider((params) -> List.of(AuthSchemeOption.builder()
				.schemeId(AwsV4AuthScheme.SCHEME_ID)
				.putSignerProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
				.putSignerProperty(AwsV4HttpSigner.REGION_NAME, REGION.id())
				.build()))
			.build()) {
			Credentials credentials = sts
				.assumeRoleWithWebIdentity(
						(r) -> r.roleArn(roleArn).roleSessionName(session).webIdentityToken("projected-sa-token"))
				.credentials();
			return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
					credentials.sessionToken());
		}
	}

	private static void post(URI endpoint, String path, String body) {
		try {
			int status = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(endpoint.resolve(path)).POST(BodyPublishers.ofString(body)).build(),
						BodyHandlers.discarding())
				.statusCode();
			if (status != 200) {
				throw new IllegalStateException("POST " + path + " answered " + status);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("The IAM-enforcing AWS emulator is not reachable at " + endpoint, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

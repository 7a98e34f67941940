package uk.gov.analyticalplatform.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The Helm chart's ServiceAccount in the real local cluster, bound to exactly the
 * ClusterRole the chart renders from {@code files/rbac-rules.yaml}, and a kubeconfig with
 * a token of that account (from the API server's TokenRequest, as a pod's projected
 * token), so the API server authenticates and authorises the caller exactly as the
 * control plane in the cluster. Integration tests of the control plane's Kubernetes code
 * run under it when the JVM has {@value #PROPERTY}{@code =true} (see
 * {@link PlatformServices#controlPlaneKubeconfig()}): a call the chart does not grant
 * fails them with the API server's 403.
 * <p>
 * Every module's failsafe has an execution {@code chart-rbac} that runs the ITs named by
 * the Maven property {@code chart-rbac.its} this way; a module joins with one line in its
 * POM, e.g. {@code <chart-rbac.its>KubernetesReconcileIT</chart-rbac.its>}.
 */
public final class ChartServiceAccount {

	/**
	 * The system property that makes the control plane's code run as the chart's account.
	 */
	public static final String PROPERTY = "platform.test.chart-service-account";

	/** Release and namespace of the chart's RBAC objects. */
	static final String RELEASE = "rbac-proof";

	private static Path kubeconfig;

	private ChartServiceAccount() {
	}

	/** A kubeconfig holding a token of the chart's ServiceAccount, made once per JVM. */
	static synchronized Path kubeconfig() {
		if (kubeconfig == null) {
			kubeconfig = install();
		}
		return kubeconfig;
	}

	private static Path install() {
		Path chart = chart();
		String rendered = helm(List.of("template", RELEASE, chart.toString(), "--namespace", RELEASE, "--values",
				chart.resolve("examples/minimal-values.yaml").toString(), "--show-only",
				"templates/serviceaccount.yaml", "--show-only", "templates/rbac.yaml"));
		String admin = read(Path.of(PlatformServices.get().kubeconfig()));
		String account;
		String token;
		try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(admin)).build()) {
			client.resource(new NamespaceBuilder().withNewMetadata().withName(RELEASE).endMetadata().build())
				.fieldManager(RELEASE)
				.forceConflicts()
				.serverSideApply();
			account = null;
			for (HasMetadata object : client.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)))
				.items()) {
				client.resource(object).inNamespace(RELEASE).fieldManager(RELEASE).forceConflicts().serverSideApply();
				if (object instanceof ServiceAccount) {
					account = object.getMetadata().getName();
				}
			}
			if (account == null) {
				throw new IllegalStateException("The chart rendered no ServiceAccount:\n" + rendered);
			}
			token = client.serviceAccounts()
				.inNamespace(RELEASE)
				.withName(account)
				.tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
				.getStatus()
				.getToken();
		}
		Path kubeconfig = write(withToken(admin, token));
		provesItIsTheAccount(kubeconfig, account);
		return kubeconfig;
	}

	/**
	 * The admin's kubeconfig (same server and CA) with the token as its only credential.
	 */
	static String withToken(String kubeconfig, String token) {
		String withToken = kubeconfig.replaceAll("(?m)^    client-(certificate|key)-data: .*\\n", "")
			.replaceFirst("(?m)^(  user:\\n)", "$1    token: " + token + "\n");
		if (withToken.equals(kubeconfig) || withToken.contains("client-key-data")) {
			throw new IllegalStateException("Not a kubeconfig of client certificates: " + kubeconfig.length());
		}
		return withToken;
	}

	/**
	 * The API server's own word on who the credential is (SelfSubjectReview, which every
	 * authenticated caller may make): the chart's ServiceAccount, not the admin.
	 */
	private static void provesItIsTheAccount(Path kubeconfig, String account) {
		String expected = "system:serviceaccount:" + RELEASE + ":" + account;
		try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(read(kubeconfig)))
			.build()) {
			SelfSubjectReview review = client.resource(new SelfSubjectReviewBuilder().build()).create();
			String username = review.getStatus().getUserInfo().getUsername();
			if (!expected.equals(username)) {
				throw new IllegalStateException("The kubeconfig for " + account + " authenticates as " + username);
			}
		}
	}

	private static Path chart() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path chart = dir.resolve("helm/analytical-platform");
			if (Files.isRegularFile(chart.resolve("Chart.yaml"))) {
				return chart;
			}
		}
		throw new IllegalStateException("No helm/analytical-platform above " + Path.of("").toAbsolutePath());
	}

	private static String helm(List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(PlatformServices.get().helm());
		command.addAll(args);
		try {
			Path out = Files.createTempFile("helm", ".out");
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("helm failed: " + command);
			}
			String rendered = Files.readString(out);
			Files.delete(out);
			return rendered;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path write(String kubeconfig) {
		try {
			Path file = Files.createTempFile("chart-service-account", ".kubeconfig");
			file.toFile().deleteOnExit();
			return Files.writeString(file, kubeconfig);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

import java.util.List;

import io.fabric8.kubernetes.api.model.apps.Deployment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.appdeploy.internal.apps.AppSpecs;
import uk.gov.analyticalplatform.appdeploy.internal.apps.Rollouts;
import uk.gov.analyticalplatform.appdeploy.AppsProperties;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.AppRoleChanges;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.reconcile.Backoff;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.reconcile.ReconcileProperties;
import uk.gov.analyticalplatform.reconcile.Reasons;

/**
 * The app reconciler on a loop of the reconcile kernel, under the application's one
 * leadership, woken by changes to apps and by a watch on their Deployments.
 */
@Configuration(proxyBeanMethods = false)
public class AppKubernetesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AppKubernetesConfiguration.class);

	@Bean
	ReconcileLoop<String> appDeployLoop(Rollouts rollouts, AppSpecs specs, KubernetesObjects objects,
			AppsProperties properties, Leadership leadership, PlatformTransactionManager transactions,
			ObjectProvider<AccessStatus> access, ReconcileProperties reconcile) {
		AppsProperties.Reconciler settings = properties.reconciler();
		AppReconciler reconciler = new AppReconciler(rollouts, specs, objects, settings(properties), roles(access),
				new Backoff(settings.baseBackoff(), settings.maxBackoff()), new TransactionTemplate(transactions));
		ReconcileLoop<String> loop = new ReconcileLoop<>("app-deploy-reconciler", reconciler, leadership,
				new ReconcileLoop.Settings(settings.enabled(), settings.pollInterval(), settings.resyncInterval())
					.with(reconcile));
		rollouts.listen(loop);
		return loop;
	}

	/**
	 * Someone else's change to an app's Deployment (or its rollout's progress) wakes it.
	 */
	@Bean
	SmartLifecycle appDeployWatch(Rollouts rollouts, KubernetesObjects objects, AppsProperties properties) {
		return new SmartLifecycle() {

			private KubernetesObjects.Subscription subscription;

			private boolean running;

			@Override
			public void start() {
				this.running = true;
				try {
					this.subscription = objects.watch(List.of(Deployment.class), AppManifests.APP_LABEL,
							(app) -> rollouts.rows().requeue(app));
				}
				catch (RuntimeException ex) {
					// the loop's polls and resyncs still converge every app, only later
					log.warn("Apps' Deployments are not watched: changes made by others are corrected at the next "
							+ "resync ({})", Reasons.of(ex));
				}
			}

			@Override
			public void stop() {
				this.running = false;
				if (this.subscription != null) {
					this.subscription.close();
					this.subscription = null;
				}
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public boolean isAutoStartup() {
				return properties.reconciler().enabled();
			}

		};
	}

	/**
	 * Data access tells when an app's IAM role appears, changes or goes away: the app is
	 * reconciled again at once, so that its service account and pods follow (rather than
	 * at its next resync). A failure to requeue is data access's to log: its one guard
	 * around every listener keeps it from failing the role's apply.
	 */
	@Bean
	AppRoleChanges appRoleChanges(Rollouts rollouts) {
		return (app) -> rollouts.rows().requeue(app);
	}

	/**
	 * The app's IAM role from data access, once AWS has it (an app with no grant has
	 * none); none where data access is not deployed.
	 */
	static AppRoles roles(ObjectProvider<AccessStatus> access) {
		return (app) -> {
			AccessStatus status = access.getIfAvailable();
			return (status != null) ? status.appRoleArn(app) : null;
		};
	}

	static AppManifests.Settings settings(AppsProperties properties) {
		return new AppManifests.Settings(properties.domain(), properties.containerPort(),
				properties.ingress().className(), properties.ingress().controllerNamespace(),
				properties.ingress().annotations(), properties.gate().authUrl(), properties.gate().signInUrl(),
				properties.resources().cpuRequest(), properties.resources().cpuLimit(),
				properties.resources().memoryRequest(), properties.resources().memoryLimit());
	}

}

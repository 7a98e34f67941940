package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.appdeploy.internal.apps.AppSpec;
import uk.gov.analyticalplatform.appdeploy.internal.apps.AppSpecs;
import uk.gov.analyticalplatform.appdeploy.internal.apps.Rollouts;
import uk.gov.analyticalplatform.kubernetes.Converged;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Backoff;
import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.Reasons;
import uk.gov.analyticalplatform.reconcile.Reconciler;
import uk.gov.analyticalplatform.reconcile.StatusRow;
import uk.gov.analyticalplatform.reconcile.StatusRows;

/**
 * Brings each app's objects in Kubernetes to what its owners want, on the reconcile
 * kernel. Unlike a {@link uk.gov.analyticalplatform.reconcile.TrackedReconciler}, an app
 * is {@code READY} only once its version has rolled out: while pods start the row stays
 * {@code APPLYING} (and due, so the next poll looks again); a rollout that cannot finish
 * is {@code FAILED} with Kubernetes' reason, while the version before it keeps serving
 * (the Deployment never takes an available replica away). A deleted app is {@code READY}
 * to be forgotten only when its namespace is gone.
 */
class AppReconciler implements Reconciler<String> {

	/** Every kind the platform creates for an app, for pruning. */
	static final List<Class<? extends HasMetadata>> KINDS = List.of(Namespace.class, ServiceAccount.class,
			NetworkPolicy.class, Secret.class, Deployment.class, Service.class, Ingress.class);

	private final Rollouts rollouts;

	private final AppSpecs specs;

	private final KubernetesObjects objects;

	private final AppManifests.Settings settings;

	private final AppRoles roles;

	private final Backoff backoff;

	private final TransactionOperations transactions;

	AppReconciler(Rollouts rollouts, AppSpecs specs, KubernetesObjects objects, AppManifests.Settings settings,
			AppRoles roles, Backoff backoff, TransactionOperations transactions) {
		this.rollouts = rollouts;
		this.specs = specs;
		this.objects = objects;
		this.settings = settings;
		this.roles = roles;
		this.backoff = backoff;
		this.transactions = transactions;
	}

	static Owner owner(String app) {
		return Owner.of(AppManifests.APP_LABEL, app);
	}

	@Override
	public List<String> due(int limit) {
		return rows().due(limit);
	}

	@Override
	public List<String> all() {
		return rows().all();
	}

	@Override
	public Outcome reconcile(String app) {
		Optional<StatusRow<String>> found = rows().find(app);
		if (found.isEmpty()) {
			return Outcome.NOOP;
		}
		StatusRow<String> row = found.get();
		try {
			if (!row.believedApplied()) {
				rows().applying(app);
			}
			Optional<AppSpec> spec = this.specs.desired(app);
			return spec.isPresent() ? run(row, spec.get()) : remove(row);
		}
		catch (RuntimeException ex) {
			rows().failed(app, row.generation(), Reasons.of(ex), this.backoff);
			throw ex;
		}
	}

	private Outcome run(StatusRow<String> row, AppSpec spec) {
		List<HasMetadata> desired = AppManifests.desired(spec, this.roles.roleArn(spec.name()), this.settings);
		Converged converged = this.objects.converge(owner(spec.name()), desired, KINDS);
		if (spec.version() == null) {
			ready(row, null);
			return converged.summary();
		}
		Deployment deployment = this.objects
			.get(Deployment.class, AppManifests.namespace(spec.name()), AppManifests.NAME)
			.orElse(null);
		List<Pod> pods = this.objects.owned(Pod.class, owner(spec.name()));
		Rollout rollout = Rollout.of(deployment, pods, spec.version());
		switch (rollout.state()) {
			case COMPLETE -> ready(row, spec.version());
			case FAILED -> throw new RolloutFailed(rollout.reason());
			case PROGRESSING -> {
				// stays APPLYING and due: the next poll (or a watch event) looks again
			}
		}
		return converged.summary();
	}

	private Outcome remove(StatusRow<String> row) {
		Converged converged = this.objects.converge(owner(row.key()), List.of(), KINDS);
		if (this.objects.get(Namespace.class, null, AppManifests.namespace(row.key())).isEmpty()) {
			this.transactions.executeWithoutResult((tx) -> this.rollouts.forget(row.key()));
			return Outcome.DELETED;
		}
		return converged.summary();
	}

	private void ready(StatusRow<String> row, Integer version) {
		this.transactions.executeWithoutResult((tx) -> {
			rows().ready(row.key(), row.generation());
			this.rollouts.serving(row.key(), version);
		});
	}

	private StatusRows<String> rows() {
		return this.rollouts.rows();
	}

}

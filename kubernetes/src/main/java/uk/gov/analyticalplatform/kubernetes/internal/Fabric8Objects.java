package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import uk.gov.analyticalplatform.kubernetes.Converged;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.ObjectRef;
import uk.gov.analyticalplatform.kubernetes.ObjectRejected;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Outcome;

/**
 * {@link KubernetesObjects} over the fabric8 client: server-side apply, label-selected
 * lists, background-propagated deletes and shared informers. An object whose immutable
 * fields the desired one changes is deleted and created anew where {@link Recreation}
 * allows it.
 */
class Fabric8Objects implements KubernetesObjects {

	private final KubernetesClient client;

	private final String fieldManager;

	/**
	 * Applies the objects of a wave besides the caller's own: daemon threads, made as
	 * needed and ended after a minute idle. How many run at once is bounded by the
	 * callers (the reconcilers' workers) times the widest wave.
	 */
	private static final Executor APPLIERS = Executors.newCachedThreadPool(new ThreadFactory() {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "kubernetes-apply-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	});

	/**
	 * The kinds whose deserializers were built on a caller's thread (see {@link #warm}).
	 */
	private final Set<Class<?>> warmed = ConcurrentHashMap.newKeySet();

	Fabric8Objects(KubernetesClient client, String fieldManager) {
		this.client = client;
		this.fieldManager = fieldManager;
	}

	@Override
	public Converged converge(Owner owner, List<? extends HasMetadata> desired,
			List<Class<? extends HasMetadata>> ownedKinds) {
		Map<ObjectRef, HasMetadata> existing = new LinkedHashMap<>();
		for (Class<? extends HasMetadata> kind : ownedKinds) {
			owned(kind, owner).forEach((object) -> existing.put(ObjectRef.of(object), object));
		}
		Map<ObjectRef, Outcome> outcomes = inWaves(desired, (object) -> {
			HasMetadata before = existing.get(ObjectRef.of(object));
			return (before != null) ? applyOver(owner, object, before) : apply(owner, object);
		});
		outcomes.keySet().forEach(existing::remove);
		List<ObjectRef> pruned = new ArrayList<>(existing.keySet());
		for (ObjectRef ref : pruned) {
			HasMetadata orphan = existing.get(ref);
			if (orphan.getMetadata().getDeletionTimestamp() == null && delete(orphan)) {
				outcomes.put(ref, Outcome.DELETED);
			}
		}
		return new Converged(outcomes);
	}

	@Override
	public Converged create(Owner owner, List<? extends HasMetadata> desired) {
		return new Converged(inWaves(desired, (object) -> {
			try {
				serverSideApply(owner, object);
				return Outcome.CREATED;
			}
			catch (ObjectRejected ex) {
				recreateOrThrow(owner, object, null, ex);
				return Outcome.REPLACED;
			}
		}));
	}

	/**
	 * Applies the objects wave by wave ({@link Waves}): the objects of a wave at the same
	 * time (all but the first on the adapter's own threads), each wave once the one
	 * before was applied. A failure stops at the end of its wave, and the first failure
	 * in the given order is thrown: the objects applied with it stay applied, as they
	 * would have one by one.
	 * @return each object's outcome, in the order given
	 */
	private Map<ObjectRef, Outcome> inWaves(List<? extends HasMetadata> desired,
			Function<HasMetadata, Outcome> applying) {
		Map<ObjectRef, Outcome> outcomes = new LinkedHashMap<>();
		for (List<? extends HasMetadata> wave : Waves.of(desired)) {
			List<CompletableFuture<Outcome>> others = new ArrayList<>();
			for (HasMetadata object : wave.subList(1, wave.size())) {
				others.add(CompletableFuture.supplyAsync(() -> applying.apply(object), APPLIERS));
			}
			RuntimeException failure = null;
			try {
				outcomes.put(ObjectRef.of(wave.get(0)), applying.apply(wave.get(0)));
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			for (int i = 0; i < others.size(); i++) {
				try {
					Outcome outcome = others.get(i).join();
					if (failure == null) {
						outcomes.put(ObjectRef.of(wave.get(i + 1)), outcome);
					}
				}
				catch (CompletionException ex) {
					failure = (failure != null) ? failure : unwrap(ex);
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
		return outcomes;
	}

	private static RuntimeException unwrap(CompletionException ex) {
		return (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
	}

	@Override
	public Outcome apply(Owner owner, HasMetadata desired) {
		HasMetadata before = Failures.translate("read " + ObjectRef.of(desired),
				() -> this.client.resource(desired).get());
		return applyOver(owner, desired, before);
	}

	private Outcome applyOver(Owner owner, HasMetadata desired, HasMetadata before) {
		HasMetadata after;
		try {
			after = serverSideApply(owner, desired);
		}
		catch (ObjectRejected ex) {
			recreateOrThrow(owner, desired, before, ex);
			return Outcome.REPLACED;
		}
		if (before == null) {
			return Outcome.CREATED;
		}
		return unchanged(before, after) ? Outcome.NOOP : Outcome.PATCHED;
	}

	private HasMetadata serverSideApply(Owner owner, HasMetadata desired) {
		warm(desired.getClass());
		HasMetadata labelled = Labelling.withOwner(desired, owner);
		return Failures.translate(ObjectRef.of(desired),
				() -> this.client.resource(labelled)
					.fieldManager(this.fieldManager)
					.forceConflicts()
					.serverSideApply());
	}

	/**
	 * Recreates the object an apply was refused for, where {@link Recreation} allows it;
	 * else rethrows the refusal. The object is read when the caller had not read it (a
	 * first apply, or one made while it was created by someone else).
	 */
	private void recreateOrThrow(Owner owner, HasMetadata desired, HasMetadata before, ObjectRejected refusal) {
		if (!Recreation.candidate(desired, Failures.status(refusal))) {
			throw refusal;
		}
		HasMetadata existing = (before != null) ? before
				: Failures.translate("read " + ObjectRef.of(desired), () -> this.client.resource(desired).get());
		if (!Recreation.allowed(existing, owner)) {
			throw refusal;
		}
		recreate(owner, desired, existing);
	}

	/**
	 * Deletes the owner's object that cannot be changed to match, on condition that it is
	 * still the one that was read (its UID: never a newer one someone made meanwhile),
	 * then applies the desired one. Background propagation: the dependents of the kinds
	 * {@link Recreation} allows (a Service's EndpointSlices) name the old UID and are
	 * collected after it, while the new object is created at once.
	 */
	void recreate(Owner owner, HasMetadata desired, HasMetadata before) {
		ObjectRef ref = ObjectRef.of(desired);
		DeleteOptions options = new DeleteOptionsBuilder().withPropagationPolicy("Background")
			.withNewPreconditions()
			.withUid(before.getMetadata().getUid())
			.endPreconditions()
			.build();
		Failures.translate("delete " + ref + " to create it anew",
				() -> this.client.raw(path(desired), "DELETE", options));
		serverSideApply(owner, desired);
	}

	/**
	 * The object's path on the API server (fabric8's delete sends no UID precondition).
	 */
	static String path(HasMetadata object) {
		String apiVersion = object.getApiVersion();
		String namespace = object.getMetadata().getNamespace();
		return (apiVersion.contains("/") ? "/apis/" : "/api/") + apiVersion
				+ ((namespace != null) ? "/namespaces/" + namespace : "") + "/"
				+ HasMetadata.getPlural(object.getClass()) + "/" + object.getMetadata().getName();
	}

	/**
	 * Builds the kind's deserializers on the calling thread the first time the kind is
	 * used. The client completes every response on its Vert.x event loop and deserialises
	 * the body there, and Jackson builds a kind's deserializers on its first use: for a
	 * Deployment, seconds on a loaded machine, during which every other response waited
	 * (Vert.x reported its event loop blocked 2 to 18 s while 200 tools started).
	 */
	private void warm(Class<?> kind) {
		if (this.warmed.add(kind)) {
			this.client.getKubernetesSerialization().unmarshal("{}", kind);
		}
	}

	/**
	 * Whether an apply left the object as it was. A status written by a controller
	 * between the read and the apply moves the resource version too, so for kinds that
	 * count their spec's generations the generation, labels and annotations decide.
	 */
	static boolean unchanged(HasMetadata before, HasMetadata after) {
		ObjectMeta was = before.getMetadata();
		ObjectMeta is = after.getMetadata();
		if (Objects.equals(was.getResourceVersion(), is.getResourceVersion())) {
			return true;
		}
		return was.getGeneration() != null && was.getGeneration() > 0
				&& Objects.equals(was.getGeneration(), is.getGeneration())
				&& Objects.equals(was.getLabels(), is.getLabels())
				&& Objects.equals(was.getAnnotations(), is.getAnnotations());
	}

	private boolean delete(HasMetadata object) {
		return Failures.translate("delete " + ObjectRef.of(object),
				() -> !this.client.resource(object)
					.withPropagationPolicy(DeletionPropagation.BACKGROUND)
					.delete()
					.isEmpty());
	}

	@Override
	public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
		warm(kind);
		return Optional.ofNullable(Failures.translate("read " + kind.getSimpleName() + " " + name, () -> {
			MixedOperation<T, KubernetesResourceList<T>, Resource<T>> resources = this.client.resources(kind);
			return (namespace != null) ? resources.inNamespace(namespace).withName(name).get()
					: resources.withName(name).get();
		}));
	}

	@Override
	public <T extends HasMetadata> List<T> owned(Class<T> kind, Owner owner) {
		warm(kind);
		return Failures.translate("list " + kind.getSimpleName() + " of " + owner.labels(), () -> {
			MixedOperation<T, KubernetesResourceList<T>, Resource<T>> resources = this.client.resources(kind);
			if (Namespaced.class.isAssignableFrom(kind)) {
				return resources.inAnyNamespace().withLabels(owner.selector()).list().getItems();
			}
			return resources.withLabels(owner.selector()).list().getItems();
		});
	}

	@Override
	public Subscription watch(List<Class<? extends HasMetadata>> kinds, String ownerLabel, Consumer<String> changed) {
		Map<Class<?>, SharedIndexInformer<?>> informers = new LinkedHashMap<>();
		Map<String, String> platform = new HashMap<>(Map.of(Owner.MANAGED_BY, Owner.PLATFORM));
		try {
			for (Class<? extends HasMetadata> kind : kinds) {
				warm(kind);
				informers.put(kind, Failures.translate("watch " + kind.getSimpleName(),
						() -> OwnerEvents.inform(this.client, kind, platform, ownerLabel, changed)));
			}
		}
		catch (RuntimeException ex) {
			informers.values().forEach(SharedIndexInformer::close);
			throw ex;
		}
		return new Watching(informers, ownerLabel);
	}

	/**
	 * The informers of one watch, whose caches answer {@link Subscription#owned}: through
	 * their index by the owner label when the owner has that label, else by a scan.
	 */
	private record Watching(Map<Class<?>, SharedIndexInformer<?>> informers,
			String ownerLabel) implements Subscription {

		@Override
		public <T extends HasMetadata> List<T> owned(Class<T> kind, Owner owner) {
			SharedIndexInformer<?> informer = this.informers.get(kind);
			if (informer == null) {
				throw new IllegalArgumentException(kind.getSimpleName() + " is not watched");
			}
			String indexed = owner.labels().get(this.ownerLabel);
			List<?> candidates = (indexed != null) ? informer.getIndexer().byIndex(OwnerEvents.BY_OWNER, indexed)
					: informer.getStore().list();
			Map<String, String> selector = owner.selector();
			List<T> owned = new ArrayList<>();
			for (Object object : candidates) {
				Map<String, String> labels = kind.cast(object).getMetadata().getLabels();
				if (labels != null && labels.entrySet().containsAll(selector.entrySet())) {
					owned.add(kind.cast(object));
				}
			}
			return owned;
		}

		@Override
		public void close() {
			this.informers.values().forEach(SharedIndexInformer::close);
		}

	}

}

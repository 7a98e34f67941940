package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.AccessNotification;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AppNotOwned;
import uk.gov.analyticalplatform.dataaccess.AccessRequestNotFound;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DuplicateAccessRequest;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.InvalidGrant;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.RequestAlreadyDecided;
import uk.gov.analyticalplatform.dataaccess.SelfApprovalForbidden;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;

/**
 * The request and approval workflow. A decision locks the request's row, so when two
 * admins act at once the second waits, then finds it decided; the grant, the decision and
 * both audit events commit together or not at all. A new request, and a decision that
 * someone other than the requester took, queue a notification in the same transaction.
 */
public class AccessRequestService implements AccessRequests {

	private final AccessRequestRows requests;

	private final DatasetRows datasets;

	private final DatasetCatalogService catalog;

	private final GrantService grants;

	private final AuditLog audit;

	private final NotificationOutbox notifications;

	private final TransactionOperations transactions;

	private final Clock clock;

	public AccessRequestService(JdbcClient jdbc, DatasetRows datasets, DatasetCatalogService catalog,
			GrantService grants, AuditLog audit, NotificationOutbox notifications, TransactionOperations transactions,
			Clock clock) {
		this.requests = new AccessRequestRows(jdbc);
		this.datasets = datasets;
		this.catalog = catalog;
		this.grants = grants;
		this.audit = audit;
		this.notifications = notifications;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public AccessRequest submit(Caller caller, NewAccessRequest request) {
		if (request.justification() == null || request.justification().isBlank()) {
			throw new InvalidGrant("A request needs a justification: say why you need this data");
		}
		Instant now = this.clock.instant();
		if (request.wantedUntil() != null && !request.wantedUntil().isAfter(now)) {
			throw new InvalidGrant("The wanted end date must be in the future, not " + request.wantedUntil());
		}
		Dataset dataset = this.datasets.get(request.datasetId());
		List<PathAccess> paths = GrantService.paths(dataset, request.level(), request.paths());
		try {
			return this.transactions.execute((tx) -> {
				if (this.requests.pendingExists(dataset.id(), caller.userId())) {
					throw duplicate(dataset);
				}
				UUID id = UUID.randomUUID();
				this.requests.insert(id, dataset.id(), caller.asUser(), request.level(), paths,
						request.justification().trim(), request.wantedUntil(), now);
				AccessRequest saved = this.requests.get(id);
				this.audit
					.record(event(caller, "access_request.created", saved).with("justification", saved.justification())
						.with("wantedUntil", (saved.wantedUntil() != null) ? saved.wantedUntil().toString() : null));
				this.notifications.queue(id, AccessNotification.Kind.REQUEST_CREATED);
				return saved;
			});
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(dataset);
		}
	}

	@Override
	public AccessRequest submitForApp(Caller caller, String app, NewAccessRequest request) {
		Set<String> owners = this.grants.appOwners(app);
		if (!owners.contains(caller.userId())) {
			throw new AppNotOwned("Only an owner of " + app + " asks for access for it");
		}
		if (request.justification() == null || request.justification().isBlank()) {
			throw new InvalidGrant("A request needs a justification: say why the app needs this data");
		}
		Instant now = this.clock.instant();
		if (request.wantedUntil() != null && !request.wantedUntil().isAfter(now)) {
			throw new InvalidGrant("The wanted end date must be in the future, not " + request.wantedUntil());
		}
		Dataset dataset = this.datasets.get(request.datasetId());
		List<PathAccess> paths = GrantService.paths(dataset, request.level(), request.paths());
		DuplicateAccessRequest duplicate = new DuplicateAccessRequest("App " + app
				+ " already has a pending request for " + dataset.name() + "; withdraw it or wait for a decision");
		try {
			return this.transactions.execute((tx) -> {
				if (this.requests.pendingExistsForApp(dataset.id(), app)) {
					throw duplicate;
				}
				UUID id = UUID.randomUUID();
				this.requests.insert(id, dataset.id(), caller.asUser(), request.level(), paths,
						request.justification().trim(), request.wantedUntil(), now, app, owners);
				AccessRequest saved = this.requests.get(id);
				this.audit
					.record(event(caller, "access_request.created", saved).with("justification", saved.justification())
						.with("wantedUntil", (saved.wantedUntil() != null) ? saved.wantedUntil().toString() : null));
				this.notifications.queue(id, AccessNotification.Kind.REQUEST_CREATED);
				return saved;
			});
		}
		catch (DuplicateKeyException ex) {
			throw duplicate;
		}
	}

	@Override
	public AccessRequest approve(Caller caller, UUID requestId, String reason) {
		return this.transactions.execute((tx) -> {
			AccessRequest request = decidable(caller, requestId);
			Dataset dataset = this.datasets.lock(request.dataset().id());
			Grant grant = this.grants.create(caller.actor(), caller.asUser(), dataset,
					request.forApp() ? Principal.app(request.app()) : Principal.user(request.requester()),
					request.level(), request.paths(), request.wantedUntil(), request.id());
			decide(request, AccessRequestState.APPROVED, caller, reason, grant.id());
			return this.requests.get(requestId);
		});
	}

	@Override
	public AccessRequest reject(Caller caller, UUID requestId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidGrant("A rejection needs a reason for the requester");
		}
		return this.transactions.execute((tx) -> {
			AccessRequest request = decidable(caller, requestId);
			decide(request, AccessRequestState.REJECTED, caller, reason, null);
			return this.requests.get(requestId);
		});
	}

	@Override
	public AccessRequest withdraw(Caller caller, UUID requestId, String reason) {
		return this.transactions.execute((tx) -> {
			AccessRequest request = this.requests.lock(requestId);
			if (!request.requester().userId().equals(caller.userId())) {
				throw new PermissionDenied("Only the requester may withdraw a request");
			}
			decide(request, AccessRequestState.WITHDRAWN, caller, reason, null);
			return this.requests.get(requestId);
		});
	}

	@Override
	public AccessRequest get(Caller caller, UUID requestId) {
		AccessRequest request = this.requests.get(requestId);
		if (!request.requester().userId().equals(caller.userId())
				&& !this.catalog.canManageAccess(caller, request.dataset().id())) {
			throw AccessRequestNotFound.forId(requestId);
		}
		return request;
	}

	@Override
	public List<AccessRequest> mine(Caller caller) {
		return this.requests.byRequester(caller.userId());
	}

	@Override
	public List<AccessRequest> awaitingDecision(Caller caller) {
		return this.requests.pending(caller.platformAdmin() ? null : this.datasets.administeredBy(caller.userId()),
				caller.userId());
	}

	@Override
	public long pendingLongerThan(Duration age) {
		return this.requests.pendingCreatedBefore(this.clock.instant().minus(age));
	}

	/** Expires one stale pending request in the caller's transaction. */
	void expire(UUID requestId, Actor system) {
		AccessRequest request = this.requests.lock(requestId);
		if (request.state() == AccessRequestState.PENDING && this.requests.decide(requestId, AccessRequestState.EXPIRED,
				null, this.clock.instant(), "expired before a decision", null)) {
			this.audit.record(AuditEvent.of(system, "access_request.expired", "access_request", requestId.toString())
				.with("datasetId", request.dataset().id().toString())
				.with("dataset", request.dataset().name())
				.with("requester", request.requester().username())
				.with("app", request.app()));
			this.notifications.queue(requestId, AccessNotification.Kind.REQUEST_DECIDED);
		}
	}

	AccessRequestRows rows() {
		return this.requests;
	}

	private AccessRequest decidable(Caller caller, UUID requestId) {
		AccessRequest request = this.requests.lock(requestId);
		if (request.requester().userId().equals(caller.userId())) {
			throw new SelfApprovalForbidden("Nobody decides their own access request");
		}
		if (request.forApp() && this.grants.appOwners(request.app()).contains(caller.userId())) {
			throw new SelfApprovalForbidden("An owner of an app does not decide a request for it: its owners deploy "
					+ "the code that runs as the app's role");
		}
		this.catalog.requireManager(caller, this.datasets.get(request.dataset().id()));
		if (request.state() != AccessRequestState.PENDING) {
			throw new RequestAlreadyDecided("This request is already " + request.state().name().toLowerCase());
		}
		return request;
	}

	private void decide(AccessRequest request, AccessRequestState state, Caller caller, String reason, UUID grantId) {
		if (request.state() != AccessRequestState.PENDING || !this.requests.decide(request.id(), state, caller.asUser(),
				this.clock.instant(), (reason != null) ? reason.trim() : null, grantId)) {
			throw new RequestAlreadyDecided(
					"This request is already " + this.requests.get(request.id()).state().name().toLowerCase());
		}
		String action = "access_request." + state.name().toLowerCase();
		this.audit.record(event(caller, action, request).with("reason", reason)
			.with("grantId", (grantId != null) ? grantId.toString() : null));
		if (!request.requester().userId().equals(caller.userId())) {
			this.notifications.queue(request.id(), AccessNotification.Kind.REQUEST_DECIDED);
		}
	}

	private static AuditEvent event(Caller caller, String action, AccessRequest request) {
		return AuditEvent.of(caller.actor(), action, "access_request", request.id().toString())
			.with("datasetId", request.dataset().id().toString())
			.with("dataset", request.dataset().name())
			.with("requesterId", request.requester().userId())
			.with("requester", request.requester().username())
			.with("level", request.level().name())
			.with("paths", request.paths().stream().map((p) -> p.path() + "=" + p.level()).toList());
	}

	private static DuplicateAccessRequest duplicate(Dataset dataset) {
		return new DuplicateAccessRequest(
				"You already have a pending request for " + dataset.name() + "; withdraw it or wait for a decision");
	}

}

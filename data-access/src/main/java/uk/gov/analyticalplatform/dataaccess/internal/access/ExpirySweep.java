package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.Reconciler;

/**
 * Ends grants whose expiry has passed ({@code grant.expired}) and pending requests that
 * can no longer be useful ({@code access_request.expired}), each in its own transaction
 * with its audit event: a reconciler of the kernel whose due keys are what has expired.
 * Safe to run on several replicas at once: each change is conditional.
 */
public class ExpirySweep implements Reconciler<ExpirySweep.Expired> {

	static final Actor SYSTEM = Actor.system("dataaccess-reconciler");

	private static final int BATCH = 200;

	private final GrantService grants;

	private final AccessRequestService requests;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Duration requestTtl;

	public ExpirySweep(GrantService grants, AccessRequestService requests, TransactionOperations transactions,
			Clock clock, Duration requestTtl) {
		this.grants = grants;
		this.requests = requests;
		this.transactions = transactions;
		this.clock = clock;
		this.requestTtl = requestTtl;
	}

	/**
	 * A grant or an access request whose time is up.
	 *
	 * @param grant whether it is a grant (else an access request)
	 * @param id its id
	 */
	public record Expired(boolean grant, UUID id) {

	}

	@Override
	public List<Expired> due(int limit) {
		Instant now = this.clock.instant();
		List<Expired> due = new ArrayList<>();
		this.grants.rows().expired(now, limit).forEach((id) -> due.add(new Expired(true, id)));
		this.requests.rows()
			.stale(now, now.minus(this.requestTtl), limit)
			.forEach((id) -> due.add(new Expired(false, id)));
		return due;
	}

	@Override
	public List<Expired> all() {
		return due(BATCH);
	}

	/** Ends the grant or request; both are conditional, so ending twice is harmless. */
	@Override
	public Outcome reconcile(Expired expired) {
		if (expired.grant()) {
			this.transactions.executeWithoutResult((tx) -> {
				Grant grant = this.grants.rows().get(expired.id());
				this.grants.end(SYSTEM, grant, "grant.expired", "expired at " + grant.expiresAt());
			});
			return Outcome.DELETED;
		}
		this.transactions.executeWithoutResult((tx) -> this.requests.expire(expired.id(), SYSTEM));
		return Outcome.PATCHED;
	}

}

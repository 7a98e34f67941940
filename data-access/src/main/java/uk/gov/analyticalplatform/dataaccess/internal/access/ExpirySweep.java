package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.dataaccess.Grant;

/**
 * Ends grants whose expiry has passed ({@code grant.expired}) and pending requests that
 * can no longer be useful ({@code access_request.expired}), each in its own transaction
 * with its audit event. Safe to run on several replicas at once: each change is
 * conditional.
 */
public class ExpirySweep {

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

	/** Runs once; returns how many grants and requests were ended. */
	public int run() {
		int ended = 0;
		Instant now = this.clock.instant();
		List<UUID> expired = this.grants.rows().expired(now, BATCH);
		for (UUID id : expired) {
			this.transactions.executeWithoutResult((tx) -> {
				Grant grant = this.grants.rows().get(id);
				this.grants.end(SYSTEM, grant, "grant.expired", "expired at " + grant.expiresAt());
			});
			ended++;
		}
		for (UUID id : this.requests.rows().stale(now, now.minus(this.requestTtl), BATCH)) {
			this.transactions.executeWithoutResult((tx) -> this.requests.expire(id, SYSTEM));
			ended++;
		}
		return ended;
	}

}

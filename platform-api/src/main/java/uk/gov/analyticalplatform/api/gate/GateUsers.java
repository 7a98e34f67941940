package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Users as the gate sees them: read from the identity module at most once per user per
 * time-to-live, so that a tool's burst of requests (a notebook loads dozens of assets)
 * costs one read. A suspension takes effect at the gate within the time-to-live.
 */
final class GateUsers {

	/** Beyond this many cached users the cache starts afresh, bounding its memory. */
	static final int MAX_CACHED = 50_000;

	private final Users users;

	private final Clock clock;

	private final Duration ttl;

	private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

	GateUsers(Users users, Clock clock, Duration ttl) {
		this.users = users;
		this.clock = clock;
		this.ttl = ttl;
	}

	Optional<UserAccount> find(UUID id) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(id);
		if (cached != null && now.isBefore(cached.until())) {
			return Optional.ofNullable(cached.user());
		}
		Optional<UserAccount> user = this.users.findById(id);
		if (this.cache.size() >= MAX_CACHED) {
			this.cache.clear();
		}
		this.cache.put(id, new Cached(user.orElse(null), now.plus(this.ttl)));
		return user;
	}

	private record Cached(UserAccount user, Instant until) {

	}

}

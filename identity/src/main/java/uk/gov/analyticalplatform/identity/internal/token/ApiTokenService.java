package uk.gov.analyticalplatform.identity.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.ApiScope;
import uk.gov.analyticalplatform.identity.ApiTokenCreationThrottled;
import uk.gov.analyticalplatform.identity.ApiTokenNotFound;
import uk.gov.analyticalplatform.identity.ApiTokenRequest;
import uk.gov.analyticalplatform.identity.ApiTokenRequestRefused;
import uk.gov.analyticalplatform.identity.ApiTokenRevoked;
import uk.gov.analyticalplatform.identity.ApiTokenSummary;
import uk.gov.analyticalplatform.identity.ApiTokens;
import uk.gov.analyticalplatform.identity.IssuedApiToken;
import uk.gov.analyticalplatform.identity.AuthenticatedToken;
import uk.gov.analyticalplatform.identity.IdentityProperties;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserNotFound;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.reconcile.AfterCommit;

/** Issues, lists, revokes and checks personal API tokens. */
class ApiTokenService implements ApiTokens {

	private final Users users;

	private final ApiTokenRecords records;

	private final IdentityProperties.ApiTokenSettings settings;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ApiTokenService(Users users, ApiTokenRecords records, IdentityProperties.ApiTokenSettings settings, AuditLog audit,
			Clock clock, ApplicationEventPublisher events) {
		this.users = users;
		this.records = records;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional(noRollbackFor = ApiTokenCreationThrottled.class)
	public IssuedApiToken issue(UUID userId, ApiTokenRequest request) {
		UserAccount user = this.users.findById(userId).orElseThrow(() -> new UserNotFound("No user " + userId));
		Instant now = this.clock.instant();
		String name = check(user, request, now);
		throttle(user, now);
		String token = ApiTokenValues.generate();
		UUID id = UUID.randomUUID();
		Instant expiresAt = now.plus(Duration.ofDays(request.expiresInDays()));
		this.records.insert(id, userId, name, ApiTokenValues.hash(token), request.scopes(), now, expiresAt);
		this.audit.record(AuditEvent.of(actor(user), "api_token.created", "api_token", id.toString())
			.with("name", name)
			.with("scopes", request.scopes().stream().map(ApiScope::value).sorted().toList())
			.with("expiresAt", expiresAt.toString()));
		return new IssuedApiToken(new ApiTokenSummary(id, name, request.scopes(), now, expiresAt, null), token);
	}

	/**
	 * Refuses a token beyond the hourly allowance, counting from the oldest in the hour.
	 */
	private void throttle(UserAccount user, Instant now) {
		int perHour = this.settings.maxCreatedPerHour();
		Instant hourAgo = now.minus(Duration.ofHours(1));
		List<Instant> recent = this.records.createdSince(user.id(), hourAgo);
		if (recent.size() >= perHour) {
			Instant freed = recent.get(recent.size() - perHour).plus(Duration.ofHours(1));
			this.audit.record(AuditEvent.of(actor(user), "api_token.creation_throttled", "user", user.id().toString())
				.with("createdInLastHour", recent.size()));
			throw new ApiTokenCreationThrottled(perHour, Duration.between(now, freed));
		}
	}

	private String check(UserAccount user, ApiTokenRequest request, Instant now) {
		UUID userId = user.id();
		String name = (request.name() != null) ? request.name().trim() : "";
		if (name.isEmpty() || name.length() > 100) {
			throw new ApiTokenRequestRefused("Give the token a name of 1 to 100 characters.");
		}
		if (request.scopes() == null || request.scopes().isEmpty()) {
			throw new ApiTokenRequestRefused("Choose at least one scope.");
		}
		List<String> unusable = request.scopes()
			.stream()
			.filter((scope) -> !scope.usableWith(user.roles()))
			.map(ApiScope::value)
			.sorted()
			.toList();
		if (!unusable.isEmpty()) {
			throw new ApiTokenRequestRefused("Your roles do not allow a token with " + String.join(", ", unusable)
					+ ": choose from " + ApiScope.usableBy(user.roles()).stream().map(ApiScope::value).toList() + ".");
		}
		int maxDays = this.settings.maxLifetimeDays();
		if (request.expiresInDays() < 1 || request.expiresInDays() > maxDays) {
			throw new ApiTokenRequestRefused(
					"A token expires in 1 to " + maxDays + " days, not " + request.expiresInDays() + ".");
		}
		if (this.records.nameInUse(userId, name, now)) {
			throw new ApiTokenRequestRefused("You already have a live token called '" + name + "'.");
		}
		return name;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ApiTokenSummary> list(UUID userId) {
		return this.records.live(userId, this.clock.instant());
	}

	@Override
	@Transactional
	public void revoke(UUID userId, UUID tokenId) {
		UserAccount user = this.users.findById(userId).orElseThrow(() -> new ApiTokenNotFound(tokenId));
		ApiTokenSummary revoked = this.records.revoke(userId, tokenId, this.clock.instant())
			.orElseThrow(() -> new ApiTokenNotFound(tokenId));
		this.audit.record(AuditEvent.of(actor(user), "api_token.revoked", "api_token", tokenId.toString())
			.with("name", revoked.name()));
		AfterCommit.run(() -> this.events.publishEvent(new ApiTokenRevoked(tokenId, userId)));
	}

	@Override
	@Transactional
	public Optional<AuthenticatedToken> authenticate(String rawToken) {
		if (!ApiTokenValues.wellFormed(rawToken)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.records.findLiveByHash(ApiTokenValues.hash(rawToken), now).flatMap((owned) -> {
			Optional<UserAccount> owner = this.users.findById(owned.userId()).filter((user) -> !user.suspended());
			owner.ifPresent((user) -> this.records.touch(owned.summary().id(), now));
			return owner.map((user) -> new AuthenticatedToken(user, owned.summary().id(), owned.summary().scopes()));
		});
	}

	@Override
	public Set<UUID> notInGoodStanding(Collection<UUID> tokenIds) {
		return tokenIds.isEmpty() ? Set.of() : this.records.notInGoodStanding(tokenIds, this.clock.instant());
	}

	private static Actor actor(UserAccount user) {
		return Actor.user(user.id().toString(), user.username());
	}

}

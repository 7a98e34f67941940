package uk.gov.analyticalplatform.api.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.identity.SessionSignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the two answers of a batch (the sessions the store still holds, the sign-ins that
 * ended) make the sessions that no longer sign their user in.
 */
class SessionStandingTests {

	private final SessionSignIn alice = new SessionSignIn(UUID.randomUUID(), 3);

	private final SessionSignIn bob = new SessionSignIn(UUID.randomUUID(), 0);

	@Test
	void aSessionEndsWhenTheStoreNoLongerHoldsItOrItsSignInEnded() {
		SignedInSession live = new SignedInSession("live", this.alice);
		SignedInSession gone = new SignedInSession("gone", this.alice);
		SignedInSession signedOut = new SignedInSession("signed-out", this.bob);

		assertThat(
				SessionStanding.ended(List.of(live, gone, signedOut), Set.of("live", "signed-out"), Set.of(this.bob)))
			.containsExactlyInAnyOrder("gone", "signed-out");
	}

	@Test
	void onlyTheSignInAtThatEpochEnds() {
		SignedInSession before = new SignedInSession("before", new SessionSignIn(this.alice.userId(), 2));
		SignedInSession now = new SignedInSession("now", this.alice);

		assertThat(SessionStanding.ended(List.of(before, now), Set.of("before", "now"),
				Set.of(new SessionSignIn(this.alice.userId(), 2))))
			.containsExactly("before");
	}

	@Test
	void nothingEndsWhenEverySessionIsLiveAndSignedIn() {
		assertThat(SessionStanding.ended(List.of(new SignedInSession("live", this.alice)), Set.of("live"), Set.of()))
			.isEmpty();
	}

}

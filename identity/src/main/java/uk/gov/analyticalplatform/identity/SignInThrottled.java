package uk.gov.analyticalplatform.identity;

import java.time.Duration;

/**
 * Too many wrong passwords were given recently for this username or from this address:
 * sign-in is refused for a while, whatever the password, and the answer is the same for
 * unknown usernames.
 */
public class SignInThrottled extends IdentityException implements TemporarilyRefused {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public SignInThrottled(Duration retryAfter) {
		super("Too many attempts to sign in. Wait " + TemporarilyRefused.inWords(retryAfter) + ", then try again.");
		this.retryAfter = atLeastASecond(retryAfter);
	}

	@Override
	public Duration retryAfter() {
		return this.retryAfter;
	}

	static Duration atLeastASecond(Duration wait) {
		return (wait.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : wait;
	}

}

package uk.gov.analyticalplatform.identity;

import java.time.Duration;

/** The user has created as many API tokens as they may in an hour. */
public class ApiTokenCreationThrottled extends IdentityException implements TemporarilyRefused {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public ApiTokenCreationThrottled(int perHour, Duration retryAfter) {
		super("You have created " + perHour + " tokens in the last hour, as many as you may. Wait "
				+ TemporarilyRefused.inWords(retryAfter) + ", then try again.");
		this.retryAfter = SignInThrottled.atLeastASecond(retryAfter);
	}

	@Override
	public Duration retryAfter() {
		return this.retryAfter;
	}

}

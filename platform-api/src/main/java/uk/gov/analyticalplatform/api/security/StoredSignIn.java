package uk.gov.analyticalplatform.api.security;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * What a session remembers about its sign-in: whose it is, how far it got, and the user's
 * session epoch at the time, so that suspension, a two-factor reset, a password change or
 * signing out everywhere ends it. Roles are never stored; they are read afresh on every
 * request.
 */
final class StoredSignIn extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final UUID userId;

	private final String username;

	private final int sessionEpoch;

	private final boolean secondFactorPassed;

	StoredSignIn(UUID userId, String username, int sessionEpoch, boolean secondFactorPassed) {
		super(List.of());
		this.userId = userId;
		this.username = username;
		this.sessionEpoch = sessionEpoch;
		this.secondFactorPassed = secondFactorPassed;
		setAuthenticated(true);
	}

	UUID userId() {
		return this.userId;
	}

	int sessionEpoch() {
		return this.sessionEpoch;
	}

	boolean secondFactorPassed() {
		return this.secondFactorPassed;
	}

	StoredSignIn withSecondFactorPassed() {
		return new StoredSignIn(this.userId, this.username, this.sessionEpoch, true);
	}

	StoredSignIn withEpoch(int epoch) {
		return new StoredSignIn(this.userId, this.username, epoch, this.secondFactorPassed);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.userId.toString();
	}

	@Override
	public String getName() {
		return this.userId.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StoredSignIn that && this.userId.equals(that.userId)
				&& this.sessionEpoch == that.sessionEpoch && this.secondFactorPassed == that.secondFactorPassed;
	}

	@Override
	public int hashCode() {
		return this.userId.hashCode();
	}

}

package uk.gov.analyticalplatform.api.support;

import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.identity.CreatedUser;
import uk.gov.analyticalplatform.identity.NewUser;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.SecondFactor;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Makes users for tests through the identity module's own API, the way an admin and the
 * user would: created by the bootstrap admin, password changed, authenticator enrolled.
 */
@Component
public class SignedInUsers {

	public static final String PASSWORD = "correct battery staple horse";

	private final Users users;

	private final SecondFactor secondFactor;

	private final Clock clock;

	SignedInUsers(Users users, SecondFactor secondFactor, Clock clock) {
		this.users = users;
		this.secondFactor = secondFactor;
		this.clock = clock;
	}

	public UserAccount admin() {
		return this.users.findByUsername("admin").orElseThrow();
	}

	/**
	 * A local user who has chosen {@link #PASSWORD} but not yet enrolled an
	 * authenticator.
	 */
	public UserAccount unenrolled(String prefix) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		CreatedUser created = this.users.create(admin().id(), new NewUser(username, username + "@example.org", prefix));
		return this.users.changePassword(created.user().id(), created.initialPassword(), PASSWORD);
	}

	/**
	 * A local user with {@link #PASSWORD} and an authenticator; returns its secret too.
	 */
	public Enrolled enrolled(String prefix, Role... extraRoles) {
		UserAccount user = unenrolled(prefix);
		if (extraRoles.length > 0) {
			EnumSet<Role> roles = EnumSet.of(Role.ANALYST, extraRoles);
			this.users.update(admin().id(), user.username(), new UserChange(roles, null));
		}
		String secret = this.secondFactor.startEnrolment(user.id()).secret();
		this.secondFactor.confirmEnrolment(user.id(), TestTotp.code(secret, this.clock.instant()));
		return new Enrolled(this.users.findById(user.id()).orElseThrow(), secret);
	}

	public record Enrolled(UserAccount user, String secret) {

		public String username() {
			return this.user.username();
		}

	}

}

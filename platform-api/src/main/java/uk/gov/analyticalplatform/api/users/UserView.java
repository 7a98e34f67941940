package uk.gov.analyticalplatform.api.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.UserAccount;

/** A user as the JSON API shows them. */
public record UserView(UUID id, String username, String email, String displayName, String origin, List<String> roles,
		boolean suspended, boolean secondFactorEnrolled, boolean passwordChangeRequired, Instant createdAt) {

	public static UserView of(UserAccount user) {
		return new UserView(user.id(), user.username(), user.email(), user.displayName(), user.origin().name(),
				user.roles().stream().map(Role::name).sorted().toList(), user.suspended(), user.secondFactorEnrolled(),
				user.passwordChangeRequired(), user.createdAt());
	}

}

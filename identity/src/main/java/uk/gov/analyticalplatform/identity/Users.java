package uk.gov.analyticalplatform.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Finding and administering users, and a user's own password. */
public interface Users {

	Optional<UserAccount> findById(UUID id);

	/** The user with this username, in any case. */
	Optional<UserAccount> findByUsername(String username);

	/** Every user, ordered by username. */
	List<UserAccount> list();

	/**
	 * An admin creates a local user with a one-time initial password, which the user must
	 * change at first sign-in.
	 * @throws UsernameTaken when the username is in use
	 */
	CreatedUser create(UUID adminId, NewUser user);

	/**
	 * An admin changes a user's roles or suspends or reactivates them. Suspension ends
	 * every session and stops every token of the user at once.
	 * @throws UserNotFound when there is no such user
	 * @throws OwnAccountChangeRefused when admins try to suspend themselves or drop their
	 * own admin role
	 */
	UserAccount update(UUID adminId, String username, UserChange change);

	/**
	 * A user changes their own local password; their other sessions end.
	 * @throws CurrentPasswordIncorrect when the current password is wrong
	 * @throws PasswordRejected when the new password breaks the password rules
	 */
	UserAccount changePassword(UUID userId, String currentPassword, String newPassword);

	/** Ends every session of the user (sign out everywhere). */
	void endAllSessions(UUID userId);

	/**
	 * Of these sign-ins, those that no longer sign their user in: the user is gone or
	 * suspended, or their session epoch has moved on since (suspension, two-factor reset,
	 * password change, sign-out everywhere). One query however many are asked about, for
	 * what checks many sessions at once.
	 */
	Set<SessionSignIn> endedSignIns(Collection<SessionSignIn> signIns);

}

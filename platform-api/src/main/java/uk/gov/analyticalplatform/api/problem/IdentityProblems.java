package uk.gov.analyticalplatform.api.problem;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import uk.gov.analyticalplatform.identity.ApiTokenCreationThrottled;
import uk.gov.analyticalplatform.identity.ApiTokenNotFound;
import uk.gov.analyticalplatform.identity.ApiTokenRequestRefused;
import uk.gov.analyticalplatform.identity.CurrentPasswordIncorrect;
import uk.gov.analyticalplatform.identity.IdentityException;
import uk.gov.analyticalplatform.identity.InvalidUserDetails;
import uk.gov.analyticalplatform.identity.OwnAccountChangeRefused;
import uk.gov.analyticalplatform.identity.PasswordRejected;
import uk.gov.analyticalplatform.identity.SecondFactorAlreadyEnrolled;
import uk.gov.analyticalplatform.identity.SecondFactorLocked;
import uk.gov.analyticalplatform.identity.SecondFactorNotEnrolled;
import uk.gov.analyticalplatform.identity.SecondFactorRejected;
import uk.gov.analyticalplatform.identity.SignInFailed;
import uk.gov.analyticalplatform.identity.SignInThrottled;
import uk.gov.analyticalplatform.identity.TemporarilyRefused;
import uk.gov.analyticalplatform.identity.UserNotFound;
import uk.gov.analyticalplatform.identity.UsernameTaken;

/** The problem document for each thing the identity module refuses. */
final class IdentityProblems {

	private IdentityProblems() {
	}

	private static final Map<Class<? extends IdentityException>, Kind> KINDS = Map.ofEntries(
			kind(SignInFailed.class, HttpStatus.UNAUTHORIZED, ProblemTypes.SIGN_IN_FAILED),
			kind(SignInThrottled.class, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.SIGN_IN_THROTTLED),
			kind(ApiTokenCreationThrottled.class, HttpStatus.TOO_MANY_REQUESTS,
					ProblemTypes.API_TOKEN_CREATION_THROTTLED),
			kind(SecondFactorRejected.class, HttpStatus.UNAUTHORIZED, ProblemTypes.CODE_REJECTED),
			kind(SecondFactorLocked.class, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.SECOND_FACTOR_LOCKED),
			kind(SecondFactorAlreadyEnrolled.class, HttpStatus.CONFLICT, ProblemTypes.ALREADY_ENROLLED),
			kind(SecondFactorNotEnrolled.class, HttpStatus.CONFLICT, ProblemTypes.NOT_ENROLLED),
			kind(PasswordRejected.class, HttpStatus.BAD_REQUEST, ProblemTypes.PASSWORD_REJECTED),
			kind(CurrentPasswordIncorrect.class, HttpStatus.BAD_REQUEST, ProblemTypes.CURRENT_PASSWORD_INCORRECT),
			kind(UserNotFound.class, HttpStatus.NOT_FOUND, ProblemTypes.USER_NOT_FOUND),
			kind(UsernameTaken.class, HttpStatus.CONFLICT, ProblemTypes.USERNAME_TAKEN),
			kind(InvalidUserDetails.class, HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_USER_DETAILS),
			kind(OwnAccountChangeRefused.class, HttpStatus.CONFLICT, ProblemTypes.OWN_ACCOUNT_CHANGE_REFUSED),
			kind(ApiTokenNotFound.class, HttpStatus.NOT_FOUND, ProblemTypes.API_TOKEN_NOT_FOUND),
			kind(ApiTokenRequestRefused.class, HttpStatus.BAD_REQUEST, ProblemTypes.API_TOKEN_REQUEST_REFUSED));

	static ProblemDetail of(IdentityException ex) {
		Kind kind = KINDS.getOrDefault(ex.getClass(), new Kind(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST));
		ProblemDetail problem = Problems.of(kind.status(), kind.type(), ex.getMessage());
		if (ex instanceof SecondFactorLocked locked) {
			problem.setProperty("lockedUntil", locked.lockedUntil().toString());
		}
		if (ex instanceof TemporarilyRefused refused) {
			problem.setProperty("retryAfterSeconds", retryAfterSeconds(refused));
		}
		return problem;
	}

	/** Whole seconds until the refusal ends, for a {@code Retry-After} header. */
	static long retryAfterSeconds(TemporarilyRefused refused) {
		Duration wait = refused.retryAfter();
		return Math.max(1, wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0));
	}

	private static Map.Entry<Class<? extends IdentityException>, Kind> kind(Class<? extends IdentityException> type,
			HttpStatus status, URI problemType) {
		return Map.entry(type, new Kind(status, problemType));
	}

	private record Kind(HttpStatus status, URI type) {

	}

}

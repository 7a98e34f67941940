package uk.gov.analyticalplatform.api.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} URIs of the API's RFC 9457 problem documents. Clients may rely
 * on them; {@code docs/api.md} lists each with its meaning.
 */
public final class ProblemTypes {

	public static final URI BAD_REQUEST = of("bad-request");

	public static final URI MALFORMED_BODY = of("malformed-body");

	public static final URI VALIDATION_FAILED = of("validation-failed");

	public static final URI UNAUTHENTICATED = of("unauthenticated");

	public static final URI FORBIDDEN = of("forbidden");

	public static final URI NOT_FOUND = of("not-found");

	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	public static final URI NOT_ACCEPTABLE = of("not-acceptable");

	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	public static final URI CONFLICT = of("conflict");

	public static final URI INTERNAL_ERROR = of("internal-error");

	public static final URI MFA_REQUIRED = of("mfa-required");

	public static final URI PASSWORD_CHANGE_REQUIRED = of("password-change-required");

	public static final URI CSRF_TOKEN_INVALID = of("csrf-token-invalid");

	public static final URI SIGN_IN_FAILED = of("sign-in-failed");

	public static final URI CODE_REJECTED = of("code-rejected");

	public static final URI SECOND_FACTOR_LOCKED = of("second-factor-locked");

	public static final URI SIGN_IN_THROTTLED = of("sign-in-throttled");

	/** No tool instance with that id is the caller's. */
	public static final URI TOOL_INSTANCE_NOT_FOUND = of("tool-instance-not-found");

	/** The caller already has an instance of that tool. */
	public static final URI DUPLICATE_TOOL_INSTANCE = of("duplicate-tool-instance");

	/** The release or profile is not open to the caller (restricted or retired). */
	public static final URI TOOL_NOT_LAUNCHABLE = of("tool-not-launchable");

	/**
	 * A catalogue change with wrong fields; {@code errors} names each with what to do.
	 */
	public static final URI INVALID_CATALOGUE_ENTRY = of("invalid-catalogue-entry");

	public static final URI API_TOKEN_CREATION_THROTTLED = of("api-token-creation-throttled");

	public static final URI ALREADY_ENROLLED = of("already-enrolled");

	public static final URI NOT_ENROLLED = of("not-enrolled");

	public static final URI PASSWORD_REJECTED = of("password-rejected");

	public static final URI CURRENT_PASSWORD_INCORRECT = of("current-password-incorrect");

	public static final URI USER_NOT_FOUND = of("user-not-found");

	public static final URI USERNAME_TAKEN = of("username-taken");

	public static final URI INVALID_USER_DETAILS = of("invalid-user-details");

	public static final URI OWN_ACCOUNT_CHANGE_REFUSED = of("own-account-change-refused");

	public static final URI API_TOKEN_NOT_FOUND = of("api-token-not-found");

	public static final URI API_TOKEN_REQUEST_REFUSED = of("api-token-request-refused");

	public static final URI UNPROCESSABLE = of("unprocessable");

	public static final URI DATASET_NOT_FOUND = of("dataset-not-found");

	public static final URI GROUP_NOT_FOUND = of("group-not-found");

	public static final URI GRANT_NOT_FOUND = of("grant-not-found");

	public static final URI ACCESS_REQUEST_NOT_FOUND = of("access-request-not-found");

	public static final URI DATASET_VERSION_NOT_FOUND = of("dataset-version-not-found");

	public static final URI DUPLICATE_ACCESS_REQUEST = of("duplicate-access-request");

	public static final URI DUPLICATE_DATASET = of("duplicate-dataset");

	public static final URI DUPLICATE_DATASET_VERSION = of("duplicate-dataset-version");

	public static final URI DUPLICATE_GROUP = of("duplicate-group");

	public static final URI REQUEST_ALREADY_DECIDED = of("request-already-decided");

	public static final URI SELF_APPROVAL_FORBIDDEN = of("self-approval-forbidden");

	/** Only an owner of an app asks for data access for it. */
	public static final URI APP_NOT_OWNED = of("app-not-owned");

	public static final URI INVALID_PATH = of("invalid-path");

	public static final URI INVALID_GRANT = of("invalid-grant");

	public static final URI INVALID_DATASET = of("invalid-dataset");

	public static final URI GRANT_DOES_NOT_FIT = of("grant-does-not-fit");

	public static final URI APP_NOT_FOUND = of("app-not-found");

	public static final URI APP_VERSION_NOT_FOUND = of("app-version-not-found");

	public static final URI DUPLICATE_APP = of("duplicate-app");

	public static final URI INVALID_APP = of("invalid-app");

	public static final URI VIEWER_LIMIT = of("viewer-limit");

	public static final URI LAST_OWNER = of("last-owner");

	/** No dataset proposal has that id, or the caller may not see it. */
	public static final URI PROPOSAL_NOT_FOUND = of("proposal-not-found");

	/** No upload has that id, or the caller may not see it. */
	public static final URI UPLOAD_NOT_FOUND = of("upload-not-found");

	/**
	 * The upload cannot do that in its state: parts missing, or no longer in progress.
	 */
	public static final URI UPLOAD_NOT_READY = of("upload-not-ready");

	/**
	 * The bytes received are not the declared ones (SHA-256 or size); nothing was kept.
	 */
	public static final URI CHECKSUM_MISMATCH = of("checksum-mismatch");

	private ProblemTypes() {
	}

	/**
	 * A problem type under the platform's problem namespace, for example
	 * {@code /problems/not-found}.
	 */
	public static URI of(String slug) {
		return URI.create("/problems/" + slug);
	}

	/** The generic type for a status that has no more specific one. */
	public static URI forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 422 -> UNPROCESSABLE;
			default -> status.is5xxServerError() ? INTERNAL_ERROR : of("http-" + status.value());
		};
	}

}

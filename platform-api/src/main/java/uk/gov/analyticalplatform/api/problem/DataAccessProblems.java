package uk.gov.analyticalplatform.api.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import uk.gov.analyticalplatform.dataaccess.AccessRequestNotFound;
import uk.gov.analyticalplatform.dataaccess.ChecksumMismatch;
import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.dataaccess.DatasetNotFound;
import uk.gov.analyticalplatform.dataaccess.DatasetVersionNotFound;
import uk.gov.analyticalplatform.dataaccess.DuplicateAccessRequest;
import uk.gov.analyticalplatform.dataaccess.DuplicateDataset;
import uk.gov.analyticalplatform.dataaccess.DuplicateDatasetVersion;
import uk.gov.analyticalplatform.dataaccess.DuplicateGroup;
import uk.gov.analyticalplatform.dataaccess.GrantDoesNotFit;
import uk.gov.analyticalplatform.dataaccess.GrantNotFound;
import uk.gov.analyticalplatform.dataaccess.GroupNotFound;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.dataaccess.InvalidGrant;
import uk.gov.analyticalplatform.dataaccess.InvalidPath;
import uk.gov.analyticalplatform.dataaccess.ProposalNotFound;
import uk.gov.analyticalplatform.dataaccess.RequestAlreadyDecided;
import uk.gov.analyticalplatform.dataaccess.AppNotOwned;
import uk.gov.analyticalplatform.dataaccess.SelfApprovalForbidden;
import uk.gov.analyticalplatform.dataaccess.UploadNotFound;
import uk.gov.analyticalplatform.dataaccess.UploadNotReady;

/**
 * The problem document for each thing the data access module refuses: a specific type for
 * each refusal a client may want to tell apart, otherwise the generic type of its kind.
 */
final class DataAccessProblems {

	private static final Map<Class<? extends DataAccessException>, URI> TYPES = Map.ofEntries(
			Map.entry(DatasetNotFound.class, ProblemTypes.DATASET_NOT_FOUND),
			Map.entry(GroupNotFound.class, ProblemTypes.GROUP_NOT_FOUND),
			Map.entry(GrantNotFound.class, ProblemTypes.GRANT_NOT_FOUND),
			Map.entry(AccessRequestNotFound.class, ProblemTypes.ACCESS_REQUEST_NOT_FOUND),
			Map.entry(DatasetVersionNotFound.class, ProblemTypes.DATASET_VERSION_NOT_FOUND),
			Map.entry(DuplicateAccessRequest.class, ProblemTypes.DUPLICATE_ACCESS_REQUEST),
			Map.entry(DuplicateDataset.class, ProblemTypes.DUPLICATE_DATASET),
			Map.entry(DuplicateDatasetVersion.class, ProblemTypes.DUPLICATE_DATASET_VERSION),
			Map.entry(DuplicateGroup.class, ProblemTypes.DUPLICATE_GROUP),
			Map.entry(RequestAlreadyDecided.class, ProblemTypes.REQUEST_ALREADY_DECIDED),
			Map.entry(SelfApprovalForbidden.class, ProblemTypes.SELF_APPROVAL_FORBIDDEN),
			Map.entry(AppNotOwned.class, ProblemTypes.APP_NOT_OWNED),
			Map.entry(InvalidPath.class, ProblemTypes.INVALID_PATH),
			Map.entry(InvalidGrant.class, ProblemTypes.INVALID_GRANT),
			Map.entry(InvalidDataset.class, ProblemTypes.INVALID_DATASET),
			Map.entry(GrantDoesNotFit.class, ProblemTypes.GRANT_DOES_NOT_FIT),
			Map.entry(ProposalNotFound.class, ProblemTypes.PROPOSAL_NOT_FOUND),
			Map.entry(UploadNotFound.class, ProblemTypes.UPLOAD_NOT_FOUND),
			Map.entry(UploadNotReady.class, ProblemTypes.UPLOAD_NOT_READY),
			Map.entry(ChecksumMismatch.class, ProblemTypes.CHECKSUM_MISMATCH));

	private DataAccessProblems() {
	}

	static ProblemDetail of(DataAccessException ex) {
		HttpStatus status = status(ex.kind());
		URI type = TYPES.getOrDefault(ex.getClass(), ProblemTypes.forStatus(status));
		return Problems.of(status, type, ex.getMessage());
	}

	static HttpStatus status(DataAccessException.Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

}

package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Whether a version's objects in S3 still match its manifest.
 *
 * @param versionId the version
 * @param checkedAt when
 * @param objectsChecked how many manifest entries were compared
 * @param problems what does not match, empty when intact
 */
public record VersionVerification(UUID versionId, Instant checkedAt, int objectsChecked, List<Problem> problems) {

	public boolean intact() {
		return this.problems.isEmpty();
	}

	/**
	 * One mismatch.
	 *
	 * @param key the object's key relative to the version's prefix
	 * @param kind what is wrong
	 * @param detail expected and found values
	 */
	public record Problem(String key, Kind kind, String detail) {

	}

	/** What can be wrong with an object. */
	public enum Kind {

		MISSING, SIZE_CHANGED, CONTENT_CHANGED, UNEXPECTED_OBJECT

	}

}

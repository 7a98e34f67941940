package uk.gov.analyticalplatform.dataaccess;

/** Where an upload stands. */
public enum UploadState {

	/** Parts are being received; it can be resumed. */
	IN_PROGRESS,
	/** The object exists with a verified checksum. */
	COMPLETED,
	/** Its checksum did not match: the object it made was deleted. */
	FAILED,
	/** Given up, by its uploader or as abandoned: its parts were discarded. */
	ABORTED

}

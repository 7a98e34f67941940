package uk.gov.analyticalplatform.dataaccess;

import java.util.Objects;

/**
 * A file to upload into a dataset.
 *
 * @param path where, relative to the dataset's root, such as
 * {@code raw/2026-12/survey.csv}
 * @param size its size in bytes
 * @param sha256 the lower-case hex SHA-256 the uploader expects, checked when the upload
 * completes; {@code null} to check parts only
 */
public record NewUpload(String path, long size, String sha256) {

	public NewUpload {
		Objects.requireNonNull(path, "path");
	}

}

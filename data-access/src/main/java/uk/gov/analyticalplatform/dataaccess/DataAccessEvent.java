package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;

/**
 * One request to a dataset bucket, from its S3 server access log.
 *
 * @param at when S3 received it
 * @param dataset the dataset whose location holds the key, or {@code null}
 * @param objectKey the key relative to the dataset's root, or {@code null}
 * @param path the folder of that key, empty at the root
 * @param operation S3's operation, such as {@code REST.GET.OBJECT}
 * @param direction {@code READ}, {@code WRITE}, {@code LIST} or {@code OTHER}
 * @param httpStatus the response status
 * @param bytes bytes read, or the size written
 * @param principalType {@code USER}, {@code APP}, {@code PIPELINE} or {@code UNKNOWN}
 * @param principal the user, app or pipeline behind the role, or {@code null}
 * @param roleName the IAM role the request was made with, or {@code null}
 * @param requestId S3's request id
 */
public record DataAccessEvent(Instant at, DatasetRef dataset, String objectKey, String path, String operation,
		String direction, int httpStatus, long bytes, String principalType, String principal, String roleName,
		String requestId) {

}

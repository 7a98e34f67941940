package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;

/**
 * Who read or wrote which path of a dataset: requests grouped by principal, role, path
 * and direction.
 *
 * @param principalType {@code USER}, {@code APP}, {@code PIPELINE} or {@code UNKNOWN}
 * @param principal the user, app or pipeline, or {@code null}
 * @param roleName the IAM role, or {@code null}
 * @param path the folder
 * @param direction {@code READ}, {@code WRITE}, {@code LIST} or {@code OTHER}
 * @param requests how many requests
 * @param objects how many distinct objects
 * @param bytes bytes read or written
 * @param firstAt the first request
 * @param lastAt the last request
 */
public record FlowSummary(String principalType, String principal, String roleName, String path, String direction,
		long requests, long objects, long bytes, Instant firstAt, Instant lastAt) {

}

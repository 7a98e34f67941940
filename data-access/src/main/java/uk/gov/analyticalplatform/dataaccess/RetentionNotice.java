package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;

/**
 * A dataset whose retention period ends soon, or has ended, for its data admins to see
 * ahead of time: from {@code from} on, its objects older than {@code retentionDays} are
 * archived or deleted by the bucket's lifecycle rule.
 *
 * @param dataset the dataset
 * @param retentionDays how many days its objects are kept
 * @param action what happens to them then
 * @param from when its first objects reach that age (its creation plus the retention)
 */
public record RetentionNotice(DatasetRef dataset, int retentionDays, RetentionAction action, Instant from) {

}

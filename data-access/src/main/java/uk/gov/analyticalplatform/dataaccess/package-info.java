/**
 * Data access: datasets and their versions, groups, grants, access requests and
 * approvals, and the status of what AWS allows each user. This root package is the
 * module's API: the facades {@link uk.gov.analyticalplatform.dataaccess.DatasetCatalog},
 * {@link uk.gov.analyticalplatform.dataaccess.Groups},
 * {@link uk.gov.analyticalplatform.dataaccess.Grants},
 * {@link uk.gov.analyticalplatform.dataaccess.AccessRequests},
 * {@link uk.gov.analyticalplatform.dataaccess.DatasetVersions} and
 * {@link uk.gov.analyticalplatform.dataaccess.AccessStatus} and
 * {@link uk.gov.analyticalplatform.dataaccess.AccessNotifications}, their command and
 * result records, exceptions named for what happened, the port the application may
 * provide ({@link uk.gov.analyticalplatform.dataaccess.AccessNotificationSender}), and
 * what app deployment tells it
 * ({@link uk.gov.analyticalplatform.dataaccess.AppOwnerChanges}). Everything else lives
 * in {@code internal}; the AWS SDK stays inside {@code internal.aws}. The reconcilers run
 * on the reconcile kernel ({@code uk.gov.analyticalplatform.reconcile}), under its one
 * leadership.
 */
package uk.gov.analyticalplatform.dataaccess;

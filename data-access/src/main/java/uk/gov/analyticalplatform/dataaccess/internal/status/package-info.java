/**
 * The status table of each user's IAM role ({@code access_roles}, a status table of the
 * reconcile kernel): bumped in the same transaction as any change to a user's access,
 * read and written by the role reconciler.
 */
package uk.gov.analyticalplatform.dataaccess.internal.status;

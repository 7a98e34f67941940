/**
 * The desired generation and the applied status of each user's IAM role: bumped in the
 * same transaction as any change to a user's access, read and written by the reconciler.
 */
package uk.gov.analyticalplatform.dataaccess.internal.status;

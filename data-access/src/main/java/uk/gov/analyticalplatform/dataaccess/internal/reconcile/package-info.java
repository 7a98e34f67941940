/**
 * The AWS reconciler: level-triggered and idempotent. It compiles each user's desired
 * role, applies it through the
 * {@link uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway} port,
 * records status and what AWS reports, corrects (and audits) drift, deletes roles no
 * grant justifies and provisions datasets' buckets, Glue databases and the Athena
 * workgroup. Nothing here runs inside a request's transaction.
 */
package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

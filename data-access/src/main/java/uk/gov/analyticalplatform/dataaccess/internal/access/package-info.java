/**
 * Grants and the access request workflow: who may decide, exactly-once decisions, expiry,
 * the effective access of a user and the check that it still fits IAM's limits, and the
 * outbox of notifications about requests and its delivery.
 */
package uk.gov.analyticalplatform.dataaccess.internal.access;

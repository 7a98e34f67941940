/**
 * The audit log: an append-only, hash-chained record of every privilege change, written
 * in the caller's transaction. This root package is the module's API; everything else
 * lives in {@code internal} and is not for other modules.
 */
package uk.gov.analyticalplatform.audit;

/**
 * The kernel's wiring and its PostgreSQL advisory-lock leadership.
 */
package uk.gov.analyticalplatform.reconcile.internal;

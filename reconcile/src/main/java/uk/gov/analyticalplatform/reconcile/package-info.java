/**
 * The reconcile kernel: how desired state in PostgreSQL reaches the world. Leadership,
 * apply status (generation, observed generation, reason, backoff), after-commit signals,
 * the worker thread and one generic, level-triggered loop. It depends on no capability
 * module and on no SDK; capability modules (data access, tool launcher, app deployment)
 * and the Kubernetes adapter build on it.
 */
package uk.gov.analyticalplatform.reconcile;

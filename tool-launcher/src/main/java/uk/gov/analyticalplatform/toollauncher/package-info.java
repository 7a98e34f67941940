/**
 * Tool launcher: the tool catalogue, one namespace per user, tool instances and their
 * lifecycle, the Kubernetes reconciler and idle culling. Built by its own issue; the
 * fabric8 client stays inside {@code internal.kubernetes}.
 */
package uk.gov.analyticalplatform.toollauncher;

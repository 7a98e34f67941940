/**
 * Apps in Kubernetes: the pure
 * {@link uk.gov.analyticalplatform.appdeploy.internal.kubernetes.AppManifests} and
 * {@link uk.gov.analyticalplatform.appdeploy.internal.kubernetes.Rollout}, and the
 * reconciler that applies them through the Kubernetes adapter on the reconcile kernel.
 */
package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

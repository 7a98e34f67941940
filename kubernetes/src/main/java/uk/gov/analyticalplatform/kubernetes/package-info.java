/**
 * The Kubernetes adapter: the one place the fabric8 client is used. Desired objects are
 * built elsewhere by pure functions from fabric8 model types; {@link KubernetesObjects}
 * applies them by server-side apply with one field manager, finds what a caller owns by
 * label, prunes what is no longer desired, and watches owned objects so that a change
 * made by someone else wakes the reconciler. {@link KubernetesCluster} says which cluster
 * the client talks to: a kubeconfig, the in-cluster service account, or the in-JVM
 * simulator of the local setup, in which no real pods run.
 */
package uk.gov.analyticalplatform.kubernetes;

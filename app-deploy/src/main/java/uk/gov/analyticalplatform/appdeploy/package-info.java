/**
 * App deploy: apps, app versions, viewers (at most 50 per app), deployment to Kubernetes
 * and the authorisation decision that fronts each app and tool. Built by its own issue;
 * the fabric8 client stays inside {@code internal.kubernetes}.
 */
package uk.gov.analyticalplatform.appdeploy;

/**
 * Apps, owners, viewers, versions, deployments, environment and secrets: the services
 * behind the module's API and their table gateways.
 */
package uk.gov.analyticalplatform.appdeploy.internal.apps;

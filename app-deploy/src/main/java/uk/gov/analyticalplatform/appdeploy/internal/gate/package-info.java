/** The decision in front of every app: owner, viewer or refused. */
package uk.gov.analyticalplatform.appdeploy.internal.gate;

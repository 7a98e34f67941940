/** The control panel's app pages and the availability notice in front of apps. */
package uk.gov.analyticalplatform.web.internal.apps;

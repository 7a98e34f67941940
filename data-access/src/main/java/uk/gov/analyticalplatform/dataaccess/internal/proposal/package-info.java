/**
 * Dataset proposals and their governance decisions.
 */
package uk.gov.analyticalplatform.dataaccess.internal.proposal;

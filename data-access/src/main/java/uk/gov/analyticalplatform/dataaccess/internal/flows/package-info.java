/**
 * Data-flow tracking: S3 server access logs read into {@code data_access_event}.
 */
package uk.gov.analyticalplatform.dataaccess.internal.flows;

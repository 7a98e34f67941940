/**
 * Uploads into datasets: multipart, resumable, checksummed, sealed as versions.
 */
package uk.gov.analyticalplatform.dataaccess.internal.upload;

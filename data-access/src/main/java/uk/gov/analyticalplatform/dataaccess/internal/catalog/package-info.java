/**
 * Datasets, their data admins and versions, and groups (teams): rows, rules and the
 * facades over them.
 */
package uk.gov.analyticalplatform.dataaccess.internal.catalog;

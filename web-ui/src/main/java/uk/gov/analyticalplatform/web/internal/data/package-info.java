/**
 * The data access pages: browse datasets, request access, my data and its applied status,
 * my requests, the approvals queue, a dataset's access page with its review export, and
 * the platform admins' dataset and group management. Every permission check is the data
 * access module's, through the signed-in user's {@code Caller}.
 */
package uk.gov.analyticalplatform.web.internal.data;

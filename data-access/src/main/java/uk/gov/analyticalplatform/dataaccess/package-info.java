/**
 * Data access: datasets and their versions, grants, access requests and approvals, the
 * policy compiler (grants to IAM and Lake Formation) and the AWS reconciler. Built by the
 * data-access issue; the root package will be the module's API and the AWS SDK stays
 * inside {@code internal.aws}.
 */
package uk.gov.analyticalplatform.dataaccess;

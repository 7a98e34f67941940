/**
 * The AWS adapter: the only place that imports the AWS SDK. It implements the
 * reconciler's {@code AwsGateway} and the catalogue's {@code ObjectStore} with IAM, STS,
 * S3, Glue, Lake Formation and Athena, idempotently, on resources tagged as the
 * platform's.
 */
package uk.gov.analyticalplatform.dataaccess.internal.aws;

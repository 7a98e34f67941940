package uk.gov.analyticalplatform.toollauncher.internal.manifests;

/**
 * What a user's namespace needs, whichever tools they run.
 *
 * @param userId the stable user id (the owner label of the user's objects)
 * @param namespace their namespace
 * @param roleArn their IAM role's ARN for IRSA, or {@code null} while they have none
 */
public record DesiredUser(String userId, String namespace, String roleArn) {

}

package uk.gov.analyticalplatform.appdeploy;

/**
 * A change to an app's details; {@code null} leaves a field as it is.
 *
 * @param description the new description
 * @param repositoryUrl the new repository
 * @param imageRepository the new image repository (for versions registered from now on)
 */
public record AppChange(String description, String repositoryUrl, String imageRepository) {

}

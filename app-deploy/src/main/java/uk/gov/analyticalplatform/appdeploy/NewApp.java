package uk.gov.analyticalplatform.appdeploy;

/**
 * An app to register; the caller becomes its first owner.
 *
 * @param name DNS-safe and unique: 3 to 40 lower-case letters, digits and hyphens,
 * starting with a letter; it names the namespace {@code app-<name>} and the host
 * {@code <name>.<apps-domain>}
 * @param description what the app is for
 * @param repositoryUrl its GitHub repository, {@code https://github.com/<owner>/<repo>}
 * @param imageRepository the container image repository its versions come from, such as
 * {@code ghcr.io/moj/bail-dashboard}
 */
public record NewApp(String name, String description, String repositoryUrl, String imageRepository) {

}

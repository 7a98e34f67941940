package uk.gov.analyticalplatform.appdeploy;

import java.time.Instant;

/**
 * A registered version of an app: one container image.
 *
 * @param number its number, 1 for the first registered, never reused
 * @param image the image reference, by digest where known
 * @param registeredAt when it was registered
 * @param registeredBy who registered it (a user, or a pipeline's token owner)
 * @param deployed whether it is the version the owners want running
 * @param resolution how the image was pinned: by digest, a tag resolved to one, or a tag
 * left unresolved (and why)
 */
public record AppVersion(int number, String image, Instant registeredAt, String registeredBy, boolean deployed,
		ImageResolution resolution) {

}

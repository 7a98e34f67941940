package uk.gov.analyticalplatform.appdeploy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An app as its owners and platform admins see it.
 *
 * @param id its id
 * @param name its DNS-safe name
 * @param description what it is for
 * @param repositoryUrl its GitHub repository
 * @param imageRepository where its images come from
 * @param url where viewers open it
 * @param owners its owners, by username
 * @param deployedVersion the version the owners want running, or {@code null}
 * @param status what Kubernetes runs
 * @param viewers how many viewers it has
 * @param maxViewers the most it may have
 * @param availability what the platform promises about it
 * @param createdAt when it was registered
 */
public record App(UUID id, String name, String description, String repositoryUrl, String imageRepository, String url,
		List<AppOwner> owners, Integer deployedVersion, AppStatus status, int viewers, int maxViewers,
		Availability availability, Instant createdAt) {

	public App {
		owners = List.copyOf(owners);
	}

	/** Whether this user owns the app. */
	public boolean ownedBy(String userId) {
		return this.owners.stream().anyMatch((owner) -> owner.userId().equals(userId));
	}

}

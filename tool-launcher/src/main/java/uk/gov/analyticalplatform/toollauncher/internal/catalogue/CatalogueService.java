package uk.gov.analyticalplatform.toollauncher.internal.catalogue;

import java.util.List;

import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogue;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/** The catalogue as users read it. */
public class CatalogueService implements ToolCatalogue {

	private final CatalogueRows rows;

	public CatalogueService(CatalogueRows rows) {
		this.rows = rows;
	}

	@Override
	public List<ToolRelease> releases() {
		return this.rows.releases();
	}

	@Override
	public List<ResourceProfile> profiles() {
		return this.rows.profiles();
	}

	@Override
	public Launchable launchable(ToolUser user) {
		List<ToolRelease> releases = this.rows.releases()
			.stream()
			.filter((release) -> release.launchableBy(user))
			.toList();
		List<ResourceProfile> profiles = this.rows.profiles()
			.stream()
			.filter((profile) -> profile.usableBy(user))
			.toList();
		return new Launchable(releases, profiles);
	}

}

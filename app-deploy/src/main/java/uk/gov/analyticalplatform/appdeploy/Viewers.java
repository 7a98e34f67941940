package uk.gov.analyticalplatform.appdeploy;

import java.util.List;

/**
 * An app's viewers and how many more it may have.
 *
 * @param viewers the viewers, by email
 * @param limit the most the app may have
 */
public record Viewers(List<Viewer> viewers, int limit) {

	public Viewers {
		viewers = List.copyOf(viewers);
	}

	public int count() {
		return this.viewers.size();
	}

}

package uk.gov.analyticalplatform.web.internal.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * The service navigation a signed-in user sees: what their roles let them do, with the
 * section of the current page marked.
 *
 * @param items the links, in order
 */
record Navigation(List<Item> items) {

	/**
	 * @param managesData whether the user manages some dataset in their own right (data
	 * admin or admin grant)
	 * @param decidesProposals whether the user may decide dataset proposals (a platform
	 * admin or in the governance group)
	 */
	static Navigation of(UserAccount user, boolean managesData, boolean decidesProposals, String path) {
		List<Item> items = new ArrayList<>();
		items.add(new Item("Home", "/", "home"));
		items.add(new Item("My tools", "/tools", "my-tools"));
		items.add(new Item("My data", "/data", "my-data"));
		items.add(new Item("Find datasets", "/data/datasets", "datasets"));
		items.add(new Item("My requests", "/data/requests", "requests"));
		items.add(new Item("Dataset proposals", "/data/proposals", "proposals"));
		if (decidesProposals) {
			items.add(new Item("Proposals to decide", "/data/proposals/awaiting", "proposals-awaiting"));
		}
		if (managesData) {
			items.add(new Item("Datasets I manage", "/data/managed", "managed"));
		}
		if (managesData || user.isPlatformAdmin()) {
			items.add(new Item("Approvals", "/data/approvals", "approvals"));
		}
		items.add(new Item("My apps", "/apps", "apps"));
		items.add(new Item("API tokens", "/account/tokens", "tokens"));
		if (user.isPlatformAdmin()) {
			items.add(new Item("Users", "/admin/users", "users"));
			items.add(new Item("Audit log", "/admin/audit", "audit"));
			items.add(new Item("Manage datasets", "/admin/datasets", "admin-datasets"));
			items.add(new Item("Groups", "/admin/groups", "groups"));
			items.add(new Item("All apps", "/admin/apps", "admin-apps"));
			items.add(new Item("Tool catalogue", "/admin/tools", "admin-tools"));
		}
		String current = items.stream()
			.filter((item) -> item.covers(path))
			.max(Comparator.comparingInt((Item item) -> item.href().length()))
			.map(Item::href)
			.orElse(null);
		return new Navigation(items.stream().map((item) -> item.markedIf(item.href().equals(current))).toList());
	}

	/**
	 * @param label the link's text
	 * @param href where it goes
	 * @param id the link's id, for tests
	 * @param current whether the page shown is in this section
	 */
	record Item(String label, String href, String id, boolean current) {

		Item(String label, String href, String id) {
			this(label, href, id, false);
		}

		boolean covers(String path) {
			return "/".equals(this.href) ? "/".equals(path)
					: path.equals(this.href) || path.startsWith(this.href + "/");
		}

		Item markedIf(boolean marked) {
			return new Item(this.label, this.href, this.id, marked);
		}

	}

}

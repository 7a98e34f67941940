package uk.gov.analyticalplatform.dataaccess.internal.access;

import uk.gov.analyticalplatform.dataaccess.AppOwnerAdded;
import uk.gov.analyticalplatform.dataaccess.AppOwnerChanges;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;

/**
 * Tells the data admins of each dataset an app holds an active grant on that the app has
 * a new owner, through the outbox, in the transaction that added the owner: the owner
 * reaches that data through the app's role, and only a data admin can review (or revoke)
 * the grant.
 */
public class AppOwnerNotices implements AppOwnerChanges {

	private final GrantService grants;

	private final DatasetRows datasets;

	private final NotificationOutbox outbox;

	public AppOwnerNotices(GrantService grants, DatasetRows datasets, NotificationOutbox outbox) {
		this.grants = grants;
		this.datasets = datasets;
		this.outbox = outbox;
	}

	@Override
	public void ownerAdded(AppOwnerAdded added) {
		for (Grant grant : this.grants.activeForApp(added.app())) {
			for (UserRef dataAdmin : this.datasets.admins(grant.dataset().id())) {
				this.outbox.queueOwnerAdded(grant.id(), added, dataAdmin);
			}
		}
	}

}

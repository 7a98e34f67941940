package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.reconcile.ApplyState;

import static org.awaitility.Awaitility.await;

/**
 * Registers datasets as a platform admin, each owned by a group of its own, and waits for
 * the reconciler to provision them.
 */
final class ProvisionedDatasets {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	private ProvisionedDatasets() {
	}

	/**
	 * Registers the dataset and returns it once the reconciler has made it {@code READY}
	 * or {@code FAILED}.
	 * @param name the owner group's name follows it
	 * @param dataset the dataset, given its owner group's id
	 */
	static Dataset register(DatasetCatalog catalog, Groups groups, String name, Function<UUID, NewDataset> dataset) {
		Group owners = groups.create(ADMIN, "owners-" + name, "");
		Dataset created = catalog.create(ADMIN, dataset.apply(owners.id()));
		// settled: READY, or FAILED (a failed one is tried again after its backoff)
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> catalog.get(created.id()),
					(read) -> read.status().state() == ApplyState.READY || read.status().state() == ApplyState.FAILED);
	}

}

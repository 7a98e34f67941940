package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

import uk.gov.analyticalplatform.dataaccess.internal.reconcile.RoleNotOwned;
import uk.gov.analyticalplatform.reconcile.ApplyFailed;

/**
 * Athena datasets' Glue databases: created tagged as the platform's, or adopted by adding
 * the tag to an untagged one (its description, parameters, tables and other tags are
 * kept); a database another installation's tag claims is left alone. Tables are checked,
 * never created: their schema and location belong to the pipelines or crawlers that write
 * them, so a dataset listing a table that does not exist yet fails, naming it, until it
 * does.
 */
class GlueDatabases {

	private final GlueClient glue;

	private final String region;

	private final String partition;

	private final String owner;

	GlueDatabases(GlueClient glue, String region, String partition, String owner) {
		this.glue = glue;
		this.region = region;
		this.partition = partition;
		this.owner = owner;
	}

	List<String> provision(String database, List<String> tables, String accountId) {
		List<String> changes = new ArrayList<>();
		if (exists(database)) {
			ensureTagged(database, accountId, changes);
		}
		else {
			this.glue.createDatabase((r) -> r
				.databaseInput(
						(d) -> d.name(database).description("Dataset database, managed by the Analytical Platform"))
				.tags(Map.of(IamRoles.TAG, this.owner)));
			changes.add("created Glue database " + database);
		}
		for (String table : tables) {
			try {
				this.glue.getTable((r) -> r.databaseName(database).name(table));
			}
			catch (EntityNotFoundException ex) {
				throw new ApplyFailed("Glue table " + database + "." + table
						+ " does not exist yet; the pipeline or crawler that writes it creates it");
			}
		}
		return changes;
	}

	private boolean exists(String database) {
		try {
			this.glue.getDatabase((r) -> r.name(database));
			return true;
		}
		catch (EntityNotFoundException ex) {
			return false;
		}
	}

	private void ensureTagged(String database, String accountId, List<String> changes) {
		String arn = "arn:" + this.partition + ":glue:" + this.region + ":" + accountId + ":database/" + database;
		String managedBy = this.glue.getTags((r) -> r.resourceArn(arn)).tags().get(IamRoles.TAG);
		if (this.owner.equals(managedBy)) {
			return;
		}
		if (managedBy != null) {
			throw new RoleNotOwned("Glue database " + database + " is managed by " + managedBy + ", not by "
					+ this.owner + "; it is left alone");
		}
		this.glue.tagResource((r) -> r.resourceArn(arn).tagsToAdd(Map.of(IamRoles.TAG, this.owner)));
		changes.add("tagged Glue database " + database + " as managed by the platform");
	}

}

package uk.gov.analyticalplatform.api.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.GroupRef;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.reconcile.ApplyStatus;

/**
 * The dataset catalogue: any signed-in user browses it; platform admins (checked by the
 * security configuration as well as the module) register datasets and name their data
 * admins.
 */
@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets", description = "Browse and manage the dataset catalogue")
class DatasetsController {

	private final DatasetCatalog catalog;

	private final Users users;

	DatasetsController(DatasetCatalog catalog, Users users) {
		this.catalog = catalog;
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "Search datasets by name or description, by name")
	Page<DatasetView> search(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		return Page.of(this.catalog.search((q != null) ? q : ""), Dataset::name, false, cursor, limit, DatasetView::of);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a dataset (platform admins); an S3 dataset's bucket is created or adopted")
	DatasetView create(@AuthenticationPrincipal UserAccount admin, @Valid @RequestBody NewDatasetRequest request) {
		List<UserRef> dataAdmins = (request.dataAdmins() != null)
				? request.dataAdmins().stream().map((username) -> Callers.user(this.users, username)).toList()
				: List.of();
		NewDataset dataset = new NewDataset(request.name(), request.description(), request.ownerGroupId(),
				request.classification(), request.kind(), request.bucket(), request.rootPrefix(),
				request.glueDatabase(), request.tables(), dataAdmins);
		return DatasetView.of(this.catalog.create(Callers.of(admin), dataset));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A dataset")
	DatasetView get(@PathVariable UUID id) {
		return DatasetView.of(this.catalog.get(id));
	}

	@PostMapping("/{id}/data-admins")
	@Operation(summary = "Make a user a data admin of the dataset (platform admins)")
	DatasetView addDataAdmin(@AuthenticationPrincipal UserAccount admin, @PathVariable UUID id,
			@Valid @RequestBody Member member) {
		return DatasetView
			.of(this.catalog.addDataAdmin(Callers.of(admin), id, Callers.user(this.users, member.username())));
	}

	@DeleteMapping("/{id}/data-admins/{username}")
	@Operation(summary = "Remove a data admin from the dataset (platform admins)")
	DatasetView removeDataAdmin(@AuthenticationPrincipal UserAccount admin, @PathVariable UUID id,
			@PathVariable String username) {
		UserRef user = Callers.user(this.users, username);
		return DatasetView.of(this.catalog.removeDataAdmin(Callers.of(admin), id, user.userId()));
	}

	record NewDatasetRequest(@NotBlank String name, String description, @NotNull UUID ownerGroupId,
			@NotNull Classification classification, @NotNull DatasetKind kind, String bucket, String rootPrefix,
			String glueDatabase, List<String> tables, List<String> dataAdmins) {
	}

	/** A user named by username. */
	record Member(@NotBlank String username) {
	}

	/** A dataset, with where its data is for people. */
	record DatasetView(UUID id, String name, String description, GroupRef owner, Classification classification,
			String classificationLabel, DatasetKind kind, String location, String bucket, String rootPrefix,
			String glueDatabase, List<String> tables, List<UserRef> dataAdmins, ApplyStatus status, Instant createdAt,
			String createdBy) {

		static DatasetView of(Dataset dataset) {
			return new DatasetView(dataset.id(), dataset.name(), dataset.description(), dataset.owner(),
					dataset.classification(), dataset.classification().label(), dataset.kind(), dataset.location(),
					dataset.bucket(), dataset.rootPrefix(), dataset.glueDatabase(), dataset.tables(),
					dataset.dataAdmins(), dataset.status(), dataset.createdAt(), dataset.createdBy());
		}

	}

}

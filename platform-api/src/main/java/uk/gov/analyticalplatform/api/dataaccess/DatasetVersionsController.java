package uk.gov.analyticalplatform.api.dataaccess;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.DatasetVersion;
import uk.gov.analyticalplatform.dataaccess.DatasetVersionNotFound;
import uk.gov.analyticalplatform.dataaccess.DatasetVersions;
import uk.gov.analyticalplatform.dataaccess.ManifestEntry;
import uk.gov.analyticalplatform.dataaccess.NewDatasetVersion;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.VersionVerification;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Immutable snapshots of a dataset: any signed-in user lists them and cites one; a
 * pipeline (token scope {@code datasets:write}) or a data admin registers them; the
 * dataset's data admins and platform admins verify them against S3.
 */
@RestController
@RequestMapping("/api/v1/datasets/{id}/versions")
@Tag(name = "Dataset versions", description = "Register, list and verify immutable snapshots of datasets")
class DatasetVersionsController {

	private final DatasetVersions versions;

	private final DatasetCatalog catalog;

	DatasetVersionsController(DatasetVersions versions, DatasetCatalog catalog) {
		this.versions = versions;
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "The dataset's versions, newest first, without manifests")
	Page<DatasetVersion> list(@PathVariable UUID id, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		this.catalog.get(id);
		return Page.of(this.versions.list(id), (version) -> Page.timeKey(version.registeredAt(), version.id()), true,
				cursor, limit, (version) -> version);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a version: its S3 prefix and manifest (token scope datasets:write, or a data admin)")
	DatasetVersion register(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@Valid @RequestBody NewVersionRequest request) {
		return this.versions.register(Callers.of(user), id,
				new NewDatasetVersion(request.version(), request.s3Prefix(), request.manifest()));
	}

	@GetMapping("/{versionId}")
	@Operation(summary = "A version with its manifest")
	DatasetVersion get(@PathVariable UUID id, @PathVariable UUID versionId) {
		return versionOf(id, versionId);
	}

	@PostMapping("/{versionId}/verify")
	@Operation(summary = "Check the objects in S3 still match the manifest (data admins and platform admins)")
	VersionVerification verify(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@PathVariable UUID versionId) {
		versionOf(id, versionId);
		if (!this.catalog.canManageAccess(Callers.of(user), id)) {
			throw new PermissionDenied(user.username() + " may not verify versions of this dataset");
		}
		return this.versions.verify(versionId);
	}

	private DatasetVersion versionOf(UUID datasetId, UUID versionId) {
		DatasetVersion version = this.versions.get(versionId);
		if (!version.dataset().id().equals(datasetId)) {
			throw DatasetVersionNotFound.forId(versionId);
		}
		return version;
	}

	record NewVersionRequest(@NotBlank String version, @NotBlank String s3Prefix,
			@NotNull List<@Valid @NotNull ManifestEntry> manifest) {
	}

}

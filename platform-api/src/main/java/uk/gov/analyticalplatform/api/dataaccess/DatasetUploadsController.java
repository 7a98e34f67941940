package uk.gov.analyticalplatform.api.dataaccess;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.dataaccess.DatasetUploads;
import uk.gov.analyticalplatform.dataaccess.DatasetVersion;
import uk.gov.analyticalplatform.dataaccess.NewUpload;
import uk.gov.analyticalplatform.dataaccess.PresignedPart;
import uk.gov.analyticalplatform.dataaccess.Upload;
import uk.gov.analyticalplatform.dataaccess.UploadNotFound;
import uk.gov.analyticalplatform.dataaccess.UploadedPart;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Files uploaded into a dataset (token scope {@code datasets:write} for pipelines): start
 * a multipart upload, send its parts (one by one, or the whole content streamed in
 * parallel parts, or straight to S3 with presigned URLs), resume it, complete, abort, and
 * seal a prefix as an immutable version.
 */
@RestController
@RequestMapping("/api/v1/datasets/{id}/uploads")
@Tag(name = "Dataset uploads", description = "Multipart, resumable, checksummed uploads into datasets")
class DatasetUploadsController {

	private final DatasetUploads uploads;

	DatasetUploadsController(DatasetUploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start an upload: path, size and optionally the file's SHA-256; answers the part size")
	Upload start(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@Valid @RequestBody StartRequest request) {
		return this.uploads.start(Callers.of(user), id,
				new NewUpload(request.path(), request.size(), request.sha256()));
	}

	@GetMapping
	@Operation(summary = "The dataset's uploads: all for its data admins, the caller's own for others")
	List<Upload> list(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return this.uploads.list(Callers.of(user), id);
	}

	@GetMapping("/{uploadId}")
	@Operation(summary = "An upload with the parts S3 holds, to resume it")
	Upload get(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id, @PathVariable UUID uploadId) {
		return of(id, this.uploads.get(Callers.of(user), uploadId));
	}

	@PutMapping(path = "/{uploadId}/parts/{partNumber}", consumes = "application/octet-stream")
	@Operation(summary = "Send one part's bytes (X-Checksum-SHA256: its hex SHA-256, checked)")
	UploadedPart part(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id, @PathVariable UUID uploadId,
			@PathVariable int partNumber, @RequestHeader(name = "X-Checksum-SHA256", required = false) String sha256,
			HttpServletRequest request) throws IOException {
		get(user, id, uploadId);
		return this.uploads.putPart(Callers.of(user), uploadId, partNumber, request.getInputStream(),
				request.getContentLengthLong(), sha256);
	}

	@PutMapping(path = "/{uploadId}/content", consumes = "application/octet-stream")
	@Operation(summary = "Stream the file (from part fromPart on) and complete the upload")
	Upload content(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id, @PathVariable UUID uploadId,
			@RequestParam(defaultValue = "1") int fromPart, HttpServletRequest request) throws IOException {
		get(user, id, uploadId);
		return this.uploads.putContent(Callers.of(user), uploadId, fromPart, request.getInputStream());
	}

	@PostMapping("/{uploadId}/presigned-parts")
	@Operation(summary = "Presigned URLs to PUT parts straight to S3, where the bucket allows the control panel")
	List<PresignedPart> presign(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@PathVariable UUID uploadId, @Valid @RequestBody PartsRequest request) {
		get(user, id, uploadId);
		return this.uploads.presign(Callers.of(user), uploadId, request.parts());
	}

	@PostMapping("/{uploadId}/complete")
	@Operation(summary = "Complete from the parts S3 holds; the file's SHA-256 is computed and checked")
	Upload complete(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id, @PathVariable UUID uploadId) {
		get(user, id, uploadId);
		return this.uploads.complete(Callers.of(user), uploadId);
	}

	@DeleteMapping("/{uploadId}")
	@Operation(summary = "Abort an upload, discarding its parts")
	Upload abort(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id, @PathVariable UUID uploadId,
			@RequestParam(required = false) String reason) {
		get(user, id, uploadId);
		return this.uploads.abort(Callers.of(user), uploadId, reason);
	}

	@PostMapping("/seal")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Seal a prefix as an immutable version with a manifest the platform computes")
	DatasetVersion seal(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@Valid @RequestBody SealRequest request) {
		return this.uploads.seal(Callers.of(user), id, request.version(), request.prefix());
	}

	private static Upload of(UUID datasetId, Upload upload) {
		if (!upload.dataset().id().equals(datasetId)) {
			throw UploadNotFound.forId(upload.id());
		}
		return upload;
	}

	record StartRequest(@NotBlank String path, long size, String sha256) {
	}

	record PartsRequest(@NotNull List<@NotNull Integer> parts) {
	}

	record SealRequest(@NotBlank String version, @NotBlank String prefix) {
	}

}

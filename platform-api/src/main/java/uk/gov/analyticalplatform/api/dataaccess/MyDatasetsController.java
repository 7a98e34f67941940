package uk.gov.analyticalplatform.api.dataaccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.UserAccess;
import uk.gov.analyticalplatform.identity.UserAccount;

/** The caller's own data access, as the database grants it and as AWS applies it. */
@RestController
@Tag(name = "My data", description = "The caller's access and its applied state in AWS")
class MyDatasetsController {

	private final AccessStatus status;

	MyDatasetsController(AccessStatus status) {
		this.status = status;
	}

	@GetMapping("/api/v1/me/datasets")
	@Operation(summary = "My datasets, my role's apply status (READY, APPLYING, FAILED, PENDING) "
			+ "and the policies AWS holds for it")
	UserAccess myDatasets(@AuthenticationPrincipal UserAccount user) {
		return this.status.of(Callers.ref(user));
	}

}

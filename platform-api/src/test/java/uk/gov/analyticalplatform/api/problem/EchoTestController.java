package uk.gov.analyticalplatform.api.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A JSON endpoint that exists only in tests, to exercise error handling before real ones
 * exist.
 */
@RestController
class EchoTestController {

	@PostMapping("/api/v1/test/echo")
	Echo echo(@Valid @RequestBody Echo echo) {
		return echo;
	}

	@PostMapping("/api/v1/test/fail")
	Echo fail() {
		throw new IllegalStateException("secret internal detail");
	}

	record Echo(@NotBlank String name, @Max(10) int count) {
	}

}

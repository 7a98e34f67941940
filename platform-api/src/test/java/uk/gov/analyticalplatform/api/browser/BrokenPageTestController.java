package uk.gov.analyticalplatform.api.browser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A browser page that exists only in tests, and always fails. */
@Controller
class BrokenPageTestController {

	@GetMapping("/test/broken-page")
	String broken() {
		throw new IllegalStateException("secret internal detail");
	}

}

package uk.gov.analyticalplatform.web.internal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: who is signed in, their roles, and the sections they can reach. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}

package uk.gov.analyticalplatform.web.internal.apps;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.AppsProperties;
import uk.gov.analyticalplatform.web.AppNotices;

/**
 * The availability notice in front of an app, once per session: the gate sends a browser
 * here (with the app's URL as {@code rd}) before it first lets it through to that app;
 * continuing records that the session has read it and goes on to the app.
 */
@Controller
class AppNoticeController {

	private final Apps apps;

	private final String suffix;

	AppNoticeController(Apps apps, AppsProperties properties) {
		this.apps = apps;
		this.suffix = "." + properties.domain();
	}

	@GetMapping("/apps/notice")
	String notice(@RequestParam(defaultValue = "") String rd, Model model) {
		model.addAttribute("app", app(rd));
		model.addAttribute("rd", rd);
		model.addAttribute("availability", this.apps.availability());
		return "apps/notice";
	}

	@PostMapping("/apps/notice")
	String read(@RequestParam(defaultValue = "") String rd, HttpServletRequest request) {
		AppNotices.markSeen(request.getSession(), app(rd));
		return "redirect:" + rd;
	}

	/** The app the URL is of; only an app's URL is followed. */
	private String app(String url) {
		String host;
		try {
			host = URI.create(url).getHost();
		}
		catch (IllegalArgumentException ex) {
			host = null;
		}
		if (host == null || !host.endsWith(this.suffix) || host.length() == this.suffix.length()
				|| host.substring(0, host.length() - this.suffix.length()).contains(".")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not the address of an app");
		}
		return host.substring(0, host.length() - this.suffix.length());
	}

}

package uk.gov.analyticalplatform.web.internal.tools;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogue;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolLauncherException;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/**
 * "My tools": start, open, stop, restart, reset and cancel the start of the user's tools
 * (switching and deleting have pages of their own: {@link ToolChangesController}), and
 * the progress page a start or a visit to an asleep tool lands on (it follows the start,
 * then goes on to the tool).
 */
@Controller
class ToolsPageController {

	private final ToolUsers users;

	private final ToolInstances instances;

	private final ToolCatalogue catalogue;

	private final ToolViews views;

	ToolsPageController(ToolUsers users, ToolInstances instances, ToolCatalogue catalogue, ToolViews views) {
		this.users = users;
		this.instances = instances;
		this.catalogue = catalogue;
		this.views = views;
	}

	@GetMapping("/tools")
	String tools(Model model) {
		ToolUser user = user();
		List<ToolInstance> mine = this.instances.mine(user);
		model.addAttribute("instances", mine);
		model.addAttribute("launchable", this.catalogue.launchable(user));
		model.addAttribute("tools", Tool.values());
		return "tools/tools";
	}

	@PostMapping("/tools")
	String start(@RequestParam String tool, @RequestParam(required = false) String release,
			@RequestParam(required = false) String profile, RedirectAttributes redirect) {
		try {
			ToolInstance started = this.instances.create(user(), Tool.parse(tool), blankToNull(release),
					blankToNull(profile));
			return "redirect:/tools/" + started.id() + "/progress";
		}
		catch (ToolLauncherException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/tools";
		}
	}

	@PostMapping("/tools/{id}/{action:start|stop|restart|reset|cancel}")
	String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
		ToolUser user = user();
		try {
			ToolInstance instance = switch (action) {
				case "start" -> this.instances.start(user, id);
				case "stop" -> this.instances.stop(user, id);
				case "restart" -> this.instances.restart(user, id);
				case "cancel" -> this.instances.cancel(user, id);
				default -> this.instances.reset(user, id);
			};
			redirect.addFlashAttribute("notice", done(action) + " " + instance.tool().slug());
		}
		catch (ToolInstanceNotFound ex) {
			throw ex;
		}
		catch (ToolLauncherException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/tools";
	}

	@GetMapping("/tools/{id}/progress")
	String progress(@PathVariable UUID id, @RequestParam(name = "rd", required = false) String returnTo, Model model) {
		ToolInstance instance = this.instances.get(user(), id);
		if (instance.phase() == InstancePhase.READY) {
			return "redirect:" + destination(instance, returnTo);
		}
		model.addAttribute("instance", instance);
		model.addAttribute("destination", destination(instance, returnTo));
		model.addAttribute("returnTo", returnTo);
		// the page's script says "taking longer than usual" this many milliseconds after
		// it
		// loads (a data attribute's expression may not call beans)
		model.addAttribute("slowIn", this.views.slowIn(instance.startRequestedAt()));
		return "tools/progress";
	}

	/**
	 * The tool's own URL, or the page of it the user asked for when it is on the tool's
	 * host.
	 */
	static String destination(ToolInstance instance, String returnTo) {
		if (returnTo != null) {
			try {
				URI wanted = URI.create(returnTo);
				if (URI.create(instance.url()).getHost().equalsIgnoreCase(wanted.getHost())) {
					return returnTo;
				}
			}
			catch (IllegalArgumentException ex) {
				// not a URL: go to the tool itself
			}
		}
		return instance.url();
	}

	private static String done(String action) {
		return switch (action) {
			case "start" -> "Starting";
			case "stop" -> "Stopping";
			case "restart" -> "Restarting";
			case "cancel" -> "Cancelled the start of";
			default -> "Resetting";
		};
	}

	private ToolUser user() {
		return this.users.current();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}

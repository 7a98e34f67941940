package uk.gov.analyticalplatform.api.tools;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/** The caller's own tools: start, stop, switch, reset, delete and watch them start. */
@RestController
@Tag(name = "My tools", description = "The caller's RStudio, JupyterLab and VS Code instances")
class MyToolsController {

	private final ToolInstances instances;

	private final ToolCallers callers;

	private final ToolProgressStreams streams;

	MyToolsController(ToolInstances instances, ToolCallers callers, ToolProgressStreams streams) {
		this.instances = instances;
		this.callers = callers;
		this.streams = streams;
	}

	@GetMapping("/api/v1/me/tools")
	@Operation(summary = "My tool instances with their state, URL, last activity and when they idle")
	Map<String, List<InstanceView>> mine(@AuthenticationPrincipal UserAccount user) {
		return Map.of("items", this.instances.mine(caller(user)).stream().map(InstanceView::of).toList());
	}

	@GetMapping("/api/v1/me/tools/{id}")
	@Operation(summary = "One of my tool instances")
	InstanceView get(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return InstanceView.of(this.instances.get(caller(user), id));
	}

	@PostMapping("/api/v1/me/tools")
	@Operation(summary = "Create my instance of a tool and start it (202: the start is under way)")
	ResponseEntity<InstanceView> create(@AuthenticationPrincipal UserAccount user, @RequestBody NewInstance body) {
		ToolInstance created = this.instances.create(caller(user), Tool.parse(body.tool()), body.release(),
				body.profile());
		return ResponseEntity.created(URI.create("/api/v1/me/tools/" + created.id())).body(InstanceView.of(created));
	}

	@PostMapping("/api/v1/me/tools/{id}/start")
	@Operation(summary = "Start a stopped or idled instance (queued behind the start limit)")
	ResponseEntity<InstanceView> start(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(InstanceView.of(this.instances.start(caller(user), id)));
	}

	@PostMapping("/api/v1/me/tools/{id}/stop")
	@Operation(summary = "Stop an instance; its home volume stays")
	ResponseEntity<InstanceView> stop(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(InstanceView.of(this.instances.stop(caller(user), id)));
	}

	@PostMapping("/api/v1/me/tools/{id}/restart")
	@Operation(summary = "Replace an instance's pod; its home volume stays")
	ResponseEntity<InstanceView> restart(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(InstanceView.of(this.instances.restart(caller(user), id)));
	}

	@PostMapping("/api/v1/me/tools/{id}/cancel")
	@Operation(summary = "Cancel a start that has not finished")
	ResponseEntity<InstanceView> cancel(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(InstanceView.of(this.instances.cancel(caller(user), id)));
	}

	@PostMapping("/api/v1/me/tools/{id}/reset")
	@Operation(summary = "Recreate every object of an instance but its home volume, and start it")
	ResponseEntity<InstanceView> reset(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(InstanceView.of(this.instances.reset(caller(user), id)));
	}

	@PatchMapping("/api/v1/me/tools/{id}")
	@Operation(summary = "Switch an instance's release (up or down) or resource profile")
	ResponseEntity<InstanceView> change(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestBody InstanceChange body) {
		return ResponseEntity.accepted()
			.body(InstanceView.of(this.instances.change(caller(user), id, body.release(), body.profile())));
	}

	@DeleteMapping("/api/v1/me/tools/{id}")
	@Operation(summary = "Delete an instance; its home volume too only with deleteHome=true")
	ResponseEntity<Void> delete(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean deleteHome) {
		this.instances.delete(caller(user), id, deleteHome);
		return ResponseEntity.accepted().build();
	}

	@GetMapping(path = "/api/v1/me/tools/{id}/events", produces = "text/event-stream")
	@Operation(summary = "A stream of the instance's status and data access notice (server-sent events named "
			+ "'status', pushed as each change commits), until it is READY, FAILED, STOPPED or IDLED ('deleted' if "
			+ "it goes); with whileRunning=true it stays open while the tool is READY too; a comment every 15 s "
			+ "keeps proxies from closing it; it ends when the session or API token that opened it no longer signs in")
	SseEmitter events(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean whileRunning, HttpServletRequest request) {
		return this.streams.open(caller(user), id, whileRunning, request);
	}

	private ToolUser caller(UserAccount user) {
		return this.callers.of(user);
	}

	/**
	 * @param tool rstudio, jupyterlab or vscode
	 * @param release a release's name, or none for the newest open to the caller
	 * @param profile a profile's name, or none for the release's default
	 */
	record NewInstance(String tool, String release, String profile) {

	}

	/**
	 * @param release the release to switch to, or none to keep it
	 * @param profile the profile to switch to, or none to keep it
	 */
	record InstanceChange(String release, String profile) {

	}

}

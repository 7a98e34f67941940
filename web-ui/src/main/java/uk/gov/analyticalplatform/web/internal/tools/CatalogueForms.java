package uk.gov.analyticalplatform.web.internal.tools;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.StatusChange;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * The catalogue's forms as typed: text, turned into the module's records, with what
 * cannot be read (a number, a time) reported on its field before the module checks the
 * rest.
 */
final class CatalogueForms {

	static final DateTimeFormatter RETIRE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);

	private CatalogueForms() {
	}

	/** The add-release form. */
	record ReleaseForm(String tool, String name, String displayName, String image, String port, String readinessPath,
			String args, String defaultProfile) {

		static ReleaseForm empty() {
			return new ReleaseForm("jupyterlab", "", "", "", "8888", "/", "", "small");
		}

		NewRelease release(FormErrors errors) {
			Tool parsed = null;
			try {
				parsed = Tool.parse(this.tool);
			}
			catch (RuntimeException ex) {
				errors.add("tool", "Choose the tool");
			}
			int number = number(this.port, "port", "Enter the container port as a number, such as 8888", errors);
			List<String> split = (this.args == null || this.args.isBlank()) ? List.of()
					: Arrays.stream(this.args.split("\\R")).map(String::strip).filter((a) -> !a.isEmpty()).toList();
			return new NewRelease(parsed, strip(this.name), strip(this.displayName), strip(this.image), number,
					strip(this.readinessPath), split, strip(this.defaultProfile));
		}

	}

	/** The status form of one release. */
	record StatusForm(String status, String message, String retireAt, String allowedUsers, String allowedGroups) {

		static StatusForm of(ToolRelease release) {
			return new StatusForm(release.status().name(),
					(release.statusMessage() != null) ? release.statusMessage() : "",
					(release.retireAt() != null) ? RETIRE_AT.format(release.retireAt().atOffset(ZoneOffset.UTC)) : "",
					String.join(", ", release.allowedUsers().stream().sorted().toList()),
					String.join(", ", release.allowedGroups().stream().sorted().toList()));
		}

		StatusChange change(FormErrors errors) {
			ReleaseStatus parsed = null;
			try {
				parsed = ReleaseStatus.valueOf(String.valueOf(this.status));
			}
			catch (IllegalArgumentException ex) {
				errors.add("status", "Choose a status");
			}
			Instant at = null;
			if (this.retireAt != null && !this.retireAt.isBlank()) {
				try {
					at = LocalDateTime.parse(this.retireAt.strip(), RETIRE_AT).toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeParseException ex) {
					errors.add("retireAt", "Enter the retirement time as year-month-day hours:minutes, such as "
							+ "2027-01-31 18:00 (UTC)");
				}
			}
			return new StatusChange(parsed, strip(this.message), at, names(this.allowedUsers),
					names(this.allowedGroups));
		}

	}

	/** The create or edit form of a profile. */
	record ProfileForm(String name, String displayName, String cpuRequestMilli, String cpuLimitMilli,
			String memoryRequestMib, String memoryLimitMib, String idleTimeoutMinutes, String restrictedGroup) {

		static ProfileForm empty() {
			return new ProfileForm("", "", "500", "1000", "2048", "2048", "480", "");
		}

		static ProfileForm of(ResourceProfile profile) {
			return new ProfileForm(profile.name(), profile.displayName(), String.valueOf(profile.cpuRequestMilli()),
					String.valueOf(profile.cpuLimitMilli()), String.valueOf(profile.memoryRequestMib()),
					String.valueOf(profile.memoryLimitMib()), String.valueOf(profile.idleTimeout().toMinutes()),
					(profile.restrictedGroup() != null) ? profile.restrictedGroup() : "");
		}

		ResourceProfile profile(String named, FormErrors errors) {
			String whole = "as a whole number";
			return new ResourceProfile(strip(named), strip(this.displayName),
					number(this.cpuRequestMilli, "cpuRequestMilli", "Enter the CPU request in millicores " + whole,
							errors),
					number(this.cpuLimitMilli, "cpuLimitMilli", "Enter the CPU limit in millicores " + whole, errors),
					number(this.memoryRequestMib, "memoryRequestMib", "Enter the memory request in MiB " + whole,
							errors),
					number(this.memoryLimitMib, "memoryLimitMib", "Enter the memory limit in MiB " + whole, errors),
					Duration.ofMinutes(number(this.idleTimeoutMinutes, "idleTimeoutMinutes",
							"Enter the idle timeout in minutes " + whole, errors)),
					(this.restrictedGroup == null || this.restrictedGroup.isBlank()) ? null
							: this.restrictedGroup.strip());
		}

	}

	static int number(String value, String field, String message, FormErrors errors) {
		try {
			return Integer.parseInt(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			errors.add(field, message);
			return -1;
		}
	}

	static Set<String> names(String list) {
		if (list == null || list.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(list.split("[,\\s]+"))
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.collect(Collectors.toSet());
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

}

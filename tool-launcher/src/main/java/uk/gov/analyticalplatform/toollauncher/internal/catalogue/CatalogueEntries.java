package uk.gov.analyticalplatform.toollauncher.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import uk.gov.analyticalplatform.toollauncher.InvalidCatalogueEntry.FieldProblem;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.StatusChange;

/**
 * What makes a catalogue entry acceptable, checked without I/O before anything is
 * written: the same rules as the tables' constraints, each said in words for the field it
 * is about.
 */
final class CatalogueEntries {

	static final Pattern DIGEST_IMAGE = Pattern.compile("^[a-z0-9][a-z0-9./_:-]*@sha256:[0-9a-f]{64}$");

	static final Pattern RELEASE_NAME = Pattern.compile("^[a-z0-9][a-z0-9.-]{0,40}$");

	static final Pattern PROFILE_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,30}$");

	private CatalogueEntries() {
	}

	static List<FieldProblem> check(NewRelease release) {
		List<FieldProblem> problems = new ArrayList<>();
		if (release.tool() == null) {
			problems.add(new FieldProblem("tool", "Choose the tool"));
		}
		if (blank(release.name()) || !RELEASE_NAME.matcher(release.name()).matches()) {
			problems.add(new FieldProblem("name",
					"Enter a version name of lower-case letters, digits, dots and hyphens, such as 4.5.1"));
		}
		if (blank(release.displayName())) {
			problems.add(new FieldProblem("displayName", "Enter the name users see"));
		}
		if (blank(release.image()) || !DIGEST_IMAGE.matcher(release.image()).matches()) {
			problems.add(new FieldProblem("image",
					"Enter the image pinned by digest, such as quay.io/jupyter/scipy-notebook@sha256: and 64 "
							+ "lower-case hex digits (a tag alone can be moved under running instances)"));
		}
		if (release.port() < 1024 || release.port() > 65535) {
			problems.add(new FieldProblem("port", "Enter a container port between 1024 and 65535"));
		}
		if (blank(release.readinessPath()) || !release.readinessPath().startsWith("/")) {
			problems.add(new FieldProblem("readinessPath", "Enter the readiness path, starting with /"));
		}
		if (blank(release.defaultProfile())) {
			problems.add(new FieldProblem("defaultProfile", "Choose the default resource profile"));
		}
		return problems;
	}

	static List<FieldProblem> check(StatusChange change) {
		List<FieldProblem> problems = new ArrayList<>();
		if (change.status() == null) {
			problems.add(new FieldProblem("status", "Choose a status"));
			return problems;
		}
		boolean needsMessage = change.status() == ReleaseStatus.DEPRECATED || change.status() == ReleaseStatus.RETIRED;
		if (needsMessage && blank(change.message())) {
			problems.add(new FieldProblem("message", "Enter the message users of a "
					+ change.status().name().toLowerCase(Locale.ROOT) + " release see"));
		}
		if (change.status() == ReleaseStatus.RETIRED && change.retireAt() == null) {
			problems.add(new FieldProblem("retireAt", "Enter when running instances of the release stop"));
		}
		if (change.status() != ReleaseStatus.RETIRED && change.retireAt() != null) {
			problems.add(new FieldProblem("retireAt", "Only a retired release has a retirement time"));
		}
		if (change.status() == ReleaseStatus.RESTRICTED && change.allowedUsers().isEmpty()
				&& change.allowedGroups().isEmpty()) {
			problems.add(new FieldProblem("allowedUsers", "Enter the users or groups who may launch it"));
		}
		return problems;
	}

	static List<FieldProblem> check(ResourceProfile profile) {
		List<FieldProblem> problems = new ArrayList<>();
		if (blank(profile.name()) || !PROFILE_NAME.matcher(profile.name()).matches()) {
			problems.add(new FieldProblem("name",
					"Enter a name of lower-case letters, digits and hyphens, up to 31 characters"));
		}
		if (blank(profile.displayName())) {
			problems.add(new FieldProblem("displayName", "Enter the name users see"));
		}
		if (profile.cpuRequestMilli() <= 0) {
			problems.add(new FieldProblem("cpuRequestMilli", "Enter a CPU request above 0"));
		}
		else if (profile.cpuLimitMilli() < profile.cpuRequestMilli()) {
			problems.add(new FieldProblem("cpuLimitMilli", "Enter a CPU limit at least the request"));
		}
		if (profile.memoryRequestMib() <= 0) {
			problems.add(new FieldProblem("memoryRequestMib", "Enter a memory request above 0"));
		}
		else if (profile.memoryLimitMib() < profile.memoryRequestMib()) {
			problems.add(new FieldProblem("memoryLimitMib", "Enter a memory limit at least the request"));
		}
		if (profile.idleTimeout() == null || profile.idleTimeout().toSeconds() < 60) {
			problems.add(new FieldProblem("idleTimeoutMinutes", "Enter an idle timeout of at least 1 minute"));
		}
		if (profile.restrictedGroup() != null && profile.restrictedGroup().isBlank()) {
			problems.add(new FieldProblem("restrictedGroup", "Leave the group empty or name one"));
		}
		return problems;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}

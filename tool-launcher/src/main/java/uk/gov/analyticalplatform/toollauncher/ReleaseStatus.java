package uk.gov.analyticalplatform.toollauncher;

/**
 * Where a tool release is in its life: {@code ACTIVE} (anyone may launch it),
 * {@code RESTRICTED} (only named users and members of named groups), {@code DEPRECATED}
 * (launchable, with a message), {@code RETIRED} (not launchable; running instances are
 * stopped at the release's retirement time).
 */
public enum ReleaseStatus {

	ACTIVE, RESTRICTED, DEPRECATED, RETIRED

}

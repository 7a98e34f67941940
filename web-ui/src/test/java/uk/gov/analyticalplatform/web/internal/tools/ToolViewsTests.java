package uk.gov.analyticalplatform.web.internal.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;

import static org.assertj.core.api.Assertions.assertThat;

class ToolViewsTests {

	static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	final ToolViews views = new ToolViews(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void agesReadInTheLargestWholeUnit() {
		assertThat(ToolViews.span(Duration.ofSeconds(2))).isEqualTo("moments");
		assertThat(ToolViews.span(Duration.ofSeconds(42))).isEqualTo("42 seconds");
		assertThat(ToolViews.span(Duration.ofMinutes(1))).isEqualTo("1 minute");
		assertThat(ToolViews.span(Duration.ofMinutes(59))).isEqualTo("59 minutes");
		assertThat(ToolViews.span(Duration.ofHours(5).plusMinutes(59))).isEqualTo("5 hours");
		assertThat(ToolViews.span(Duration.ofDays(2))).isEqualTo("2 days");
	}

	@Test
	void idleTimeSaysWhenTheToolWasLastUsedAndWhenItStops() {
		assertThat(this.views.idle(NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofHours(8))))
			.isEqualTo("Last used 5 minutes ago; stops if unused at 6 December 2026 20:00 UTC");
		assertThat(this.views.idle(null, null)).isEqualTo("Not used yet");
	}

	@Test
	void failedIsRedAndReadyGreen() {
		assertThat(this.views.tag(InstancePhase.FAILED)).isEqualTo("govuk-tag--red");
		assertThat(this.views.tag(InstancePhase.READY)).isEqualTo("govuk-tag--green");
		assertThat(this.views.phase(InstancePhase.IDLED)).isEqualTo("Idled");
	}

	@Test
	void aDeprecatedReleaseShowsItsMessageAndARetiredOneWhenItsInstancesStop() {
		assertThat(this.views.notice(release(ReleaseStatus.ACTIVE, null, null))).isNull();
		assertThat(this.views.notice(release(ReleaseStatus.DEPRECATED, "Switch to 4.6 by 31 January", null)))
			.isEqualTo("Deprecated: Switch to 4.6 by 31 January");
		assertThat(this.views.notice(release(ReleaseStatus.RETIRED, "Use 4.6.", NOW.plus(Duration.ofDays(1)))))
			.isEqualTo("Retired: Use 4.6. Running instances stop at 7 December 2026 12:00 UTC."
					+ " Switch to another release to start it again.");
		assertThat(this.views.notice(release(ReleaseStatus.RETIRED, "Use 4.6.", NOW.minus(Duration.ofHours(1)))))
			.isEqualTo("Retired: Use 4.6. Running instances were stopped at 6 December 2026 11:00 UTC."
					+ " Switch to another release to start it again.");
	}

	@Test
	void aStartStillUnderWayAfterAMinuteIsTakingLongerThanUsual() {
		assertThat(this.views.slow(InstancePhase.STARTING, NOW.minusSeconds(59))).isFalse();
		assertThat(this.views.slow(InstancePhase.STARTING, NOW.minusSeconds(60))).isTrue();
		assertThat(this.views.slow(InstancePhase.PENDING, NOW.minusSeconds(600))).isTrue();
		assertThat(this.views.slow(InstancePhase.READY, NOW.minusSeconds(600))).isFalse();
		assertThat(this.views.slow(InstancePhase.FAILED, NOW.minusSeconds(600))).isFalse();
		assertThat(this.views.slowIn(NOW.minusSeconds(15))).isEqualTo(45_000);
		assertThat(this.views.slowIn(NOW.minusSeconds(600))).isZero();
	}

	private static ToolRelease release(ReleaseStatus status, String message, Instant retireAt) {
		return new ToolRelease(UUID.randomUUID(), Tool.JUPYTERLAB, "4.5.0", "JupyterLab 4.5.0",
				"quay.io/jupyter/scipy-notebook@sha256:" + "a".repeat(64), 8888, "/api", List.of(), "small", status,
				message, retireAt, Set.of(), Set.of());
	}

}

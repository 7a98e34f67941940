package uk.gov.analyticalplatform.web.internal.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.toollauncher.InstancePhase;

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

}

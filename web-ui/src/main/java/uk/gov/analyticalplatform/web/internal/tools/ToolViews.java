package uk.gov.analyticalplatform.web.internal.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;

/**
 * How the tool pages write states, times and ages, used from templates as
 * {@code @toolViews}.
 */
@Component("toolViews")
public class ToolViews {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	/**
	 * How long a start may take before the user is told it is taking longer than usual.
	 */
	static final Duration USUAL_START = Duration.ofSeconds(60);

	private final Clock clock;

	/**
	 * @param clock the application's clock, which stamps the times shown (start, last
	 * activity, idle stop)
	 */
	ToolViews(Clock clock) {
		this.clock = clock;
	}

	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	/** How long ago: "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
	public String ago(Instant instant) {
		if (instant == null) {
			return "never";
		}
		return span(Duration.between(instant, this.clock.instant())) + " ago";
	}

	/** An age without "ago": "5 minutes", "2 days". */
	public String age(Instant since) {
		return (since != null) ? span(Duration.between(since, this.clock.instant())) : "";
	}

	/** Idle time in words, as the tools pages and the home page show it. */
	public String idle(Instant lastActivity, Instant idlesAt) {
		String used = (lastActivity != null) ? "Last used " + ago(lastActivity) : "Not used yet";
		return (idlesAt != null) ? used + "; stops if unused at " + time(idlesAt) : used;
	}

	/**
	 * What the users of a release are told: its deprecation notice, or when its running
	 * instances stop once retired; {@code null} for an active or restricted one.
	 */
	public String notice(ToolRelease release) {
		String message = (release.statusMessage() != null) ? " " + release.statusMessage() : "";
		return switch (release.status()) {
			case DEPRECATED -> "Deprecated:" + message;
			case RETIRED -> "Retired:" + message
					+ ((release.retireAt() == null) ? ""
							: (release.retireAt().isAfter(this.clock.instant()) ? " Running instances stop at "
									: " Running instances were stopped at ") + time(release.retireAt()) + ".")
					+ " Switch to another release to start it again.";
			case ACTIVE, RESTRICTED -> null;
		};
	}

	/** Whether a start still under way began more than {@link #USUAL_START} ago. */
	public boolean slow(InstancePhase phase, Instant startRequestedAt) {
		return phase.starting() && startRequestedAt != null
				&& !this.clock.instant().isBefore(startRequestedAt.plus(USUAL_START));
	}

	/**
	 * How long until a start begun then becomes slow, in milliseconds (0 when it is): the
	 * progress page's script counts from when the page loaded, so that the browser's
	 * clock does not matter.
	 */
	public long slowIn(Instant startRequestedAt) {
		return Math.max(0, Duration.between(this.clock.instant(), startRequestedAt.plus(USUAL_START)).toMillis());
	}

	/** The GOV.UK tag colour for a phase. */
	public String tag(InstancePhase phase) {
		return switch (phase) {
			case READY -> "govuk-tag--green";
			case FAILED -> "govuk-tag--red";
			case PENDING, CREATING, STARTING -> "govuk-tag--blue";
			case STOPPING, DELETING -> "govuk-tag--yellow";
			case STOPPED, IDLED -> "govuk-tag--grey";
		};
	}

	/** A phase in words. */
	public String phase(InstancePhase phase) {
		String name = phase.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	static String span(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return (seconds < 5) ? "moments" : seconds + " seconds";
		}
		if (seconds < 3600) {
			return plural(seconds / 60, "minute");
		}
		if (seconds < 86400) {
			return plural(seconds / 3600, "hour");
		}
		return plural(seconds / 86400, "day");
	}

	private static String plural(long n, String unit) {
		return n + " " + unit + ((n == 1) ? "" : "s");
	}

}

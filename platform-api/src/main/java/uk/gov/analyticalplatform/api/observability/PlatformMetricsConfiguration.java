package uk.gov.analyticalplatform.api.observability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;

/**
 * The platform's own metrics, beside Spring Boot's, on {@code /actuator/prometheus}: what
 * the chart's PrometheusRule and Grafana dashboard read (docs/operations.md names each).
 * <ul>
 * <li>every loop of the reconcile kernel, whichever module made it, gets
 * {@value #RECONCILE}{@code .failures}, {@code .queue.depth} and {@code .objects} tagged
 * with its name: a new reconciler (tools, apps) has them once its loop is a bean;</li>
 * <li>the audit sequencer's lag and the access requests waiting over a day;</li> Gauges
 * are read from PostgreSQL at each scrape, on every replica alike (only the leader
 * reconciles, but every replica sees the same tables), so rules take their {@code max}.
 * Failures are counted where they happen: on the leader.
 * <li>tool instances by phase ({@value #TOOL_INSTANCES}{@code {state}}: READY, IDLED,
 * STOPPED...) and apps by rollout state ({@value #APPS}{@code {state}}), one grouped
 * query each over the tool launcher's and app deployer's root-package APIs.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PlatformMetricsConfiguration {

	static final String RECONCILE = "platform.reconcile";

	static final String TOOL_INSTANCES = "platform.tool.instances";

	static final String APPS = "platform.apps";

	/** Access requests waiting for a decision longer than this are counted as overdue. */
	static final Duration OVERDUE = Duration.ofDays(1);

	@Bean
	MeterBinder reconcileMetrics(ObjectProvider<ReconcileLoop<?>> loops) {
		return (registry) -> loops.orderedStream().forEach((loop) -> bind(registry, loop));
	}

	private static void bind(MeterRegistry registry, ReconcileLoop<?> loop) {
		FunctionCounter.builder(RECONCILE + ".failures", loop, ReconcileLoop::failures)
			.description("Reconciles of a key that failed on this replica")
			.tag("reconciler", loop.name())
			.register(registry);
		Gauge.builder(RECONCILE + ".queue.depth", loop, ReconcileLoop::backlog)
			.description("Keys due for reconciling now")
			.tag("reconciler", loop.name())
			.register(registry);
		if (!loop.states().isEmpty()) {
			for (ApplyState state : ApplyState.values()) {
				Gauge.builder(RECONCILE + ".objects", loop, (counted) -> counted.states().getOrDefault(state, 0L))
					.description("Objects the reconciler tracks, by apply state")
					.tags("reconciler", loop.name(), "state", state.name())
					.register(registry);
			}
		}
	}

	@Bean
	MeterBinder toolInstanceMetrics(ToolInstances instances) {
		return (registry) -> {
			for (InstancePhase phase : InstancePhase.values()) {
				Gauge.builder(TOOL_INSTANCES, instances, (all) -> all.countByPhase().getOrDefault(phase, 0L))
					.description("Tool instances, by phase")
					.tag("state", phase.name())
					.register(registry);
			}
		};
	}

	@Bean
	MeterBinder appMetrics(Apps apps) {
		return (registry) -> {
			for (ApplyState state : ApplyState.values()) {
				Gauge.builder(APPS, apps, (all) -> all.countByState().getOrDefault(state.name(), 0L))
					.description("Apps, by rollout state")
					.tag("state", state.name())
					.register(registry);
			}
		};
	}

	@Bean
	MeterBinder auditMetrics(AuditEvents audit) {
		return (registry) -> TimeGauge
			.builder("platform.audit.sequencer.lag", audit, TimeUnit.MILLISECONDS,
					(events) -> events.sequencerLag().toMillis())
			.description("How long the oldest committed audit event not yet in the hash chain has waited")
			.register(registry);
	}

	@Bean
	MeterBinder accessRequestMetrics(AccessRequests requests) {
		return (registry) -> Gauge
			.builder("platform.access.requests.pending.over.one.day", requests,
					(pending) -> pending.pendingLongerThan(OVERDUE))
			.description("Access requests that have waited longer than a day for a decision")
			.register(registry);
	}

}

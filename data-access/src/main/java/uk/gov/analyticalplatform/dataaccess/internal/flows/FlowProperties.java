package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data-flow tracking ({@code platform.data-access.flows.*}); it runs when
 * {@code platform.data-access.buckets.access-log-bucket} names the log bucket.
 *
 * @param pollInterval how often the leader looks for new access log files
 * @param retention how long events are kept
 * @param pruneInterval how often events older than the retention are deleted
 */
@ConfigurationProperties("platform.data-access.flows")
record FlowProperties(@DefaultValue("1m") Duration pollInterval, @DefaultValue("400d") Duration retention,
		@DefaultValue("1h") Duration pruneInterval) {

}

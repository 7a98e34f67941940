package uk.gov.analyticalplatform.api.tools;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tools' progress streams ({@code platform.progress-streams.*}).
 *
 * @param heartbeat how often every open stream gets a comment (proxies close a response
 * silent for longer than theirs: ingress-nginx's is 60 s) and the sessions and API tokens
 * that opened the streams are checked; a sign-out, a session's expiry, a suspension or a
 * token's revocation made on another replica ends a stream within this
 */
@ConfigurationProperties("platform.progress-streams")
record ProgressStreamProperties(@DefaultValue("15s") Duration heartbeat) {

	ProgressStreamProperties {
		if (heartbeat.isNegative() || heartbeat.isZero()) {
			throw new IllegalArgumentException(
					"platform.progress-streams.heartbeat must be positive, not " + heartbeat);
		}
	}

}

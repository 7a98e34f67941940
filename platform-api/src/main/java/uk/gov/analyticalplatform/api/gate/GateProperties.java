package uk.gov.analyticalplatform.api.gate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The authorisation gate in front of tools and apps ({@code platform.gate.*}).
 *
 * @param activityFlushInterval how often each replica writes the last request time of
 * every instance it let through since the last write (one batch, never a write per
 * request); idleness is measured to within this
 * @param userCacheTtl how long the gate reuses a user and a session's sign-in it read:
 * the gate's revocation bound, within which a sign-out, a session's expiry, a suspension
 * or a sign-out everywhere reaches the tools and apps
 */
@ConfigurationProperties("platform.gate")
public record GateProperties(@DefaultValue("30s") Duration activityFlushInterval,
		@DefaultValue("5s") Duration userCacheTtl) {

}

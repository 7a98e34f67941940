package uk.gov.analyticalplatform.api.dataaccess;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which replica runs the data access reconciler
 * ({@code platform.data-access.leadership.*}).
 *
 * @param lockKey the PostgreSQL advisory lock every replica of one installation competes
 * for; installations sharing a database need different keys
 * @param checkInterval how often a replica confirms it still leads, or tries to take
 * over; also the longest a lost connection goes unnoticed
 */
@ConfigurationProperties("platform.data-access.leadership")
record LeadershipProperties(@DefaultValue("4702111234") long lockKey, @DefaultValue("5s") Duration checkInterval) {

}

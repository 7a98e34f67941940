package uk.gov.analyticalplatform.reconcile.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which replica runs the reconcilers ({@code platform.leadership.*}; the former
 * {@code platform.data-access.leadership.*} names are still read when the new ones are
 * not set).
 *
 * @param enabled whether replicas compete for the lock; when not, every replica
 * reconciles
 * @param lockKey the PostgreSQL advisory lock every replica of one installation competes
 * for; installations sharing a database need different keys
 * @param checkInterval how often a replica confirms it still leads, or tries to take
 * over; also the longest a lost connection goes unnoticed
 */
record LeadershipProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4702111234") long lockKey,
		@DefaultValue("5s") Duration checkInterval) {

}

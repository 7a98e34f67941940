package uk.gov.analyticalplatform.appdeploy;

import java.time.Instant;

/**
 * One entry of an app's deployment history.
 *
 * @param version the version deployed
 * @param image its image
 * @param rollback whether it went back to a version older than the one deployed before
 * @param deployedAt when
 * @param deployedBy who
 */
public record AppDeployment(int version, String image, boolean rollback, Instant deployedAt, String deployedBy) {

}

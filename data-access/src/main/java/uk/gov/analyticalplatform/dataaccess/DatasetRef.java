package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/**
 * A dataset by id and name.
 *
 * @param id its id
 * @param name its name
 */
public record DatasetRef(UUID id, String name) {

}

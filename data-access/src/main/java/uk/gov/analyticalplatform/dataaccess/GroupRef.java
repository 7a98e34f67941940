package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/**
 * A group by id and name.
 *
 * @param id its id
 * @param name its name
 */
public record GroupRef(UUID id, String name) {

}

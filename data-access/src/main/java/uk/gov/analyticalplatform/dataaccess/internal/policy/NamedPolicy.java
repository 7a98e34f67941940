package uk.gov.analyticalplatform.dataaccess.internal.policy;

/**
 * A policy document and the name it goes by.
 *
 * @param name the inline policy's or the customer-managed policy's name
 * @param document the JSON document, without whitespace
 */
public record NamedPolicy(String name, String document) {

}

package uk.gov.analyticalplatform.identity;

/**
 * A platform-wide role. Every user is an {@link #ANALYST}; per-dataset roles belong to
 * the data-access module.
 */
public enum Role {

	ANALYST, PLATFORM_ADMIN

}

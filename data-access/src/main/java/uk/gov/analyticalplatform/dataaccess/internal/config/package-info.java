/**
 * The module's auto-configuration and its typed configuration under
 * {@code platform.aws.*} and {@code platform.data-access.*}.
 */
package uk.gov.analyticalplatform.dataaccess.internal.config;

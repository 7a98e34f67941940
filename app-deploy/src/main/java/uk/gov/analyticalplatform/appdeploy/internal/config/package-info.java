/** The module's wiring and settings ({@code platform.apps.*}). */
package uk.gov.analyticalplatform.appdeploy.internal.config;

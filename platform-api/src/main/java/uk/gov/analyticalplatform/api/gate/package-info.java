/**
 * The authorisation gate in front of every tool and app: the ingress's external-auth
 * call. The generic mechanics live here; each area ({@code tools}, {@code apps}) plugs in
 * through {@link uk.gov.analyticalplatform.api.gate.GatedArea}, a thin adapter over its
 * module's root API.
 */
package uk.gov.analyticalplatform.api.gate;

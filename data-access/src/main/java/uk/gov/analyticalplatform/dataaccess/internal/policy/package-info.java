/**
 * The policy compiler: a pure function from a user's effective grants to the IAM role,
 * policies and Lake Formation permissions AWS should have for them. No I/O; imports only
 * model types.
 */
package uk.gov.analyticalplatform.dataaccess.internal.policy;

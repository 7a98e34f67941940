/**
 * Who people are and how they prove it: users and roles, local accounts, sign-in with an
 * OpenID Connect provider, TOTP two-factor authentication with recovery codes, and
 * personal API tokens. This root package is the module's API (facades, command and result
 * records, exceptions named for what happened); everything else lives in
 * {@code internal}. Every sign-in, lockout, enrolment, reset, role change, suspension and
 * token change is recorded in the audit log in the same transaction as the change.
 */
package uk.gov.analyticalplatform.identity;

/**
 * The browser control panel: server-rendered pages with GOV.UK Frontend over the same
 * capability modules as the API. This root package is web-ui's API and holds only what
 * the application provides and wires ({@link SignInSessions}, {@link ControlPanel}); the
 * pages live in {@code internal}, by feature, and are not for other modules.
 */
package uk.gov.analyticalplatform.web;

/**
 * The browser control panel: server-rendered pages with GOV.UK Frontend over the same
 * capability modules as the API. The application provides {@link SignInSessions} and
 * {@link ControlPanel}; this package holds only what the application wires, the pages
 * live in sub-packages by feature.
 */
package uk.gov.analyticalplatform.web;

/**
 * The browser control panel: server-rendered pages with GOV.UK Frontend over the same
 * services as the REST API. Built by the identity issue onwards.
 */
package uk.gov.analyticalplatform.web;

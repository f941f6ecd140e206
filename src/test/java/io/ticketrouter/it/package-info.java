/**
 * Support for the integration tests that run the real server: {@link io.ticketrouter.it.TestServer} starts and
 * stops Payara Micro with the built WAR as a separate process through the launcher of {@code ./ticket-router serve}
 * (so a test can restart or kill it), and
 * {@link io.ticketrouter.it.Browsers} opens headless Debian Chromium windows through Selenium.
 */
package io.ticketrouter.it;

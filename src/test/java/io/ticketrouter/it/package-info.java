/**
 * Support for the integration tests that run the real server: {@link io.ticketrouter.it.ServerProcess} starts and
 * stops Payara Micro with the built WAR as a separate process (so a test can restart it), and
 * {@link io.ticketrouter.it.Browsers} opens headless Debian Chromium windows through Selenium.
 */
package io.ticketrouter.it;

/**
 * Starting Ticket Router on Payara Micro: {@link io.ticketrouter.launcher.PayaraLauncher} builds the one command line
 * (JVM options, MicroProfile Config keys as system properties, the WAR, the port, cluster options, the pre-boot
 * settings of {@code server-config/payara-micro-preboot.asadmin}) and {@link io.ticketrouter.launcher.PayaraProcess}
 * watches the started server until the application answers. {@code ./ticket-router serve} and the integration tests'
 * server harness both start Payara through it; the container image passes the same pre-boot file.
 *
 * <p>Uses only the JDK: no Jakarta EE, no application classes.
 */
package io.ticketrouter.launcher;

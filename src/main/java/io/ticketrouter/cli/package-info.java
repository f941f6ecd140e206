/**
 * The command line ({@code ./ticket-router}). This package holds the {@code serve} subcommand, which runs the WAR on
 * Payara Micro as a child process; the ML core adds {@code train}, {@code evaluate} and {@code classify}.
 *
 * <p>May depend on picocli and the JDK; not packaged into the WAR.
 */
package io.ticketrouter.cli;

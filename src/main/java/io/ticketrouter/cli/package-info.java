/**
 * The command line ({@code ./ticket-router}): picocli commands that train, evaluate and try model
 * bundles, and {@code serve}, which runs the WAR on Payara Micro as a child process. Subcommands are listed in
 * {@link io.ticketrouter.cli.TicketRouterCommand#SUBCOMMANDS}.
 *
 * <p>Depends on the classification packages, picocli and progressbar; nothing depends on it. Not packaged into
 * the WAR.
 */
package io.ticketrouter.cli;

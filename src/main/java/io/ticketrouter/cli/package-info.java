/**
 * The command line ({@code ./ticket-router}): picocli commands that train, evaluate and try model
 * bundles. Subcommands are listed in {@link io.ticketrouter.cli.TicketRouterCommand#SUBCOMMANDS}
 * so other modules (the server's {@code serve}) can be added in one place.
 *
 * <p>Depends on the classification packages, picocli and progressbar; nothing depends on it.
 */
package io.ticketrouter.cli;

/**
 * The similar-ticket index of the server: {@link io.ticketrouter.similarity.SimilarityIndex} in the data directory,
 * kept in step with the ticket table (the application's {@link io.ticketrouter.application.TicketIndex} port).
 */
package io.ticketrouter.infrastructure.search;

/**
 * The ticket aggregate: a customer's message, what the models predicted for it (never overwritten), the agents'
 * corrections and status changes, and the history of those changes.
 *
 * <p>May depend on the JDK and on Jakarta Persistence annotations only (mapping lives on the entity, as in Cargo
 * Tracker). Knows nothing about REST, CDI events, sockets or the classifier implementation.
 */
package io.ticketrouter.domain.model.ticket;

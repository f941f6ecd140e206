/**
 * Implementations of the application services: transaction boundaries, the mapping from domain objects to read
 * models, recommendation texts, and publishing {@link io.ticketrouter.application.TicketChanged} after commits.
 *
 * <p>May depend on {@code io.ticketrouter.application}, the domain model, the classification contract and Jakarta
 * EE APIs (CDI, JTA). Not on REST or on infrastructure classes.
 */
package io.ticketrouter.application.internal;

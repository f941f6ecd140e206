/**
 * The outbox: what is to leave Ticket Router after a ticket change (a webhook event), written in the transaction of
 * the change so that it exists exactly when the change does, and one {@link io.ticketrouter.domain.model.outbox.Delivery}
 * per receiver, which records the attempts to hand the event over until it is delivered or given up.
 *
 * <p>May depend on the JDK and on Jakarta Persistence only, like the ticket aggregate.
 */
package io.ticketrouter.domain.model.outbox;

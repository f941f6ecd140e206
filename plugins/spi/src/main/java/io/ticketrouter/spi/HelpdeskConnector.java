package io.ticketrouter.spi;

import java.util.List;

/**
 * Connects Ticket Router to a helpdesk the team already runs (Zammad, OTOBO, Zendesk, ...), in both directions.
 *
 * <p><b>In:</b> the helpdesk calls {@code POST /api/connectors/<name>/webhook} when it receives a ticket. Ticket Router
 * hands the raw call to {@link #receive(IncomingCall)}, which checks the helpdesk's signature and reads the ticket
 * from the helpdesk's own payload. The ticket is then classified and routed like any other, keeping the helpdesk's
 * ticket id and link; the same helpdesk ticket (or the same delivery, redelivered) never makes a second one.
 *
 * <p><b>Back:</b> after the ticket is stored, and again after an agent corrects it in Ticket Router,
 * {@link #writeBack(RoutedTicket)} says which HTTP calls write the routing into the helpdesk (its group, priority, a
 * tag, an internal note). Ticket Router makes those calls itself, from its durable outbox: in order, each until it
 * answers 2xx, with back-off while the helpdesk is away, so an outage loses nothing. A call answered 2xx is never
 * made again for that event; a call that timed out may be (deliveries are at least once).
 *
 * <p>Both methods run on the server's threads and must not do I/O themselves: they compute. Configuration (the
 * helpdesk's address, token, secret, label mappings) comes through {@link #configure(PluginContext)}; a mapping that
 * names a queue or priority the model does not have should be refused there, naming the known ones
 * ({@link PluginContext#queues()}, {@link PluginContext#priorities()}).
 *
 * <p>Listed in {@code META-INF/services/io.ticketrouter.spi.HelpdeskConnector}. Since API 1.2.
 */
public interface HelpdeskConnector extends Plugin {

    /**
     * Checks and reads one call of the helpdesk.
     *
     * @return {@link Incoming#ticket} with the ticket to classify, {@link Incoming#ignored} for a call that carries no
     *     new ticket (answered 200, nothing stored), or {@link Incoming#refused} when the signature is missing or wrong
     *     (answered 401, nothing stored)
     */
    Incoming receive(IncomingCall call);

    /**
     * The calls that write the routing of a ticket back to the helpdesk, in the order they are to be made; empty when
     * there is nothing to write for this event.
     */
    List<HelpdeskCall> writeBack(RoutedTicket ticket);
}

package io.ticketrouter.spi;

import java.util.List;
import java.util.Objects;

/**
 * A ticket from a helpdesk as Ticket Router routed it, for {@link HelpdeskConnector#writeBack(RoutedTicket)}.
 *
 * @param event              {@code ticket.created} (just classified and routed) or {@code ticket.updated} (an agent
 *                           changed it in Ticket Router: a correction, a status, a note)
 * @param reference          Ticket Router's reference, {@code TR-000123}
 * @param externalId         the helpdesk's ticket id, as {@link ExternalTicket#id()} gave it
 * @param queue              the department it is routed to (an agent's correction if there is one)
 * @param queueConfidence    the model's confidence in its predicted department, 0 to 1
 * @param priority           {@code high}, {@code medium} or {@code low}, as routed (or corrected)
 * @param priorityConfidence the model's confidence in its predicted priority, 0 to 1
 * @param needsReview        the model was unsure: a person should check the department
 * @param urgent             an urgent-keyword list or a rule said so
 * @param corrected          an agent corrected the department or the priority in Ticket Router
 * @param keywords           the words of this ticket that drove the decision, strongest first
 * @param rules              the routing rules that fired, each "rule: change (reason)"
 * @param recommendation     Ticket Router's routing recommendation, one sentence
 */
public record RoutedTicket(
        String event,
        String reference,
        String externalId,
        String queue,
        double queueConfidence,
        String priority,
        double priorityConfidence,
        boolean needsReview,
        boolean urgent,
        boolean corrected,
        List<String> keywords,
        List<String> rules,
        String recommendation) {

    public RoutedTicket {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(externalId, "externalId");
        keywords = List.copyOf(keywords);
        rules = List.copyOf(rules);
    }

    /** Whether this is the ticket's first routing ({@code ticket.created}). */
    public boolean created() {
        return "ticket.created".equals(event);
    }
}

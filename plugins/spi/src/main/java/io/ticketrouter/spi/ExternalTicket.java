package io.ticketrouter.spi;

import java.util.Objects;

/**
 * A ticket as the helpdesk has it, to be classified and routed by Ticket Router.
 *
 * @param id            the helpdesk's id of the ticket (unique in that helpdesk); a second call for the same id does
 *                      not make a second ticket
 * @param url           where agents open it in the helpdesk, or null
 * @param subject       its title
 * @param body          the customer's message as plain text (HTML already turned into text)
 * @param customerName  the customer's name, or null
 * @param customerEmail the customer's e-mail address, or null
 */
public record ExternalTicket(
        String id, String url, String subject, String body, String customerName, String customerEmail) {

    public ExternalTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        if (id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("a helpdesk ticket id has 1 to 100 characters, got \"" + id + "\"");
        }
    }
}

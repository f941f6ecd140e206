package io.ticketrouter.application;

import java.util.List;
import java.util.Objects;

/**
 * A mail to a customer, as the outbox keeps it until it was sent: an acknowledgement of a new ticket or an agent's
 * reply. The {@code Message-ID} is made when the mail is recorded, so every attempt sends the same one and the
 * customer's reply finds the ticket.
 *
 * @param messageId    our {@code Message-ID}, with its angle brackets
 * @param to           the customer's address
 * @param toName       the customer's name, or null
 * @param subject      {@code [TR-000123] Re: ...}
 * @param text         the plain-text body
 * @param inReplyTo    the customer's mail it answers, or null
 * @param references   the thread's earlier {@code Message-ID}s, oldest first
 * @param autoReply    marks an acknowledgement {@code Auto-Submitted: auto-replied} (an agent's reply is not)
 */
public record OutgoingMail(
        String messageId,
        String to,
        String toName,
        String subject,
        String text,
        String inReplyTo,
        List<String> references,
        boolean autoReply) {

    public OutgoingMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        references = references == null ? List.of() : List.copyOf(references);
    }
}

package io.ticketrouter.application;

import io.ticketrouter.domain.model.ticket.Attachment;
import java.util.List;
import java.util.Objects;

/**
 * A customer's mail to the support address, as the mail channel read it: the text is the readable message (the
 * HTML part as text when there is no plain one, quoted history trimmed), already free of control characters.
 *
 * @param messageId   the mail's {@code Message-ID} (one made from its contents when it has none)
 * @param references  the {@code Message-ID}s its {@code In-Reply-To} and {@code References} name, nearest first
 * @param subject     the decoded subject, maybe empty
 * @param text        the message
 * @param fromAddress the sender's address
 * @param fromName    the sender's display name, or null
 * @param attachments the files it carried (listed with the ticket, not stored)
 */
public record IncomingMail(
        String messageId,
        List<String> references,
        String subject,
        String text,
        String fromAddress,
        String fromName,
        List<Attachment> attachments) {

    public IncomingMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(fromAddress, "fromAddress");
        references = references == null ? List.of() : List.copyOf(references);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}

package io.ticketrouter.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * The ticket as a rule sees it. New components may be added in later minor versions of the API.
 *
 * @param subject        the subject line, empty when none was given
 * @param body           the message text
 * @param language       ISO 639-1 code of the ticket's language ("en", "de", "es", "fr", "pt", ...)
 * @param senderAddress  the customer's e-mail address, or null when not given
 */
public record Ticket(String subject, String body, String language, String senderAddress) {

    public Ticket {
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        language = language == null ? "" : language;
    }

    /** The sender address, when given. */
    public Optional<String> sender() {
        return Optional.ofNullable(senderAddress).filter(address -> !address.isBlank());
    }

    /** The lower-case domain of the sender address ({@code "bigcorp.com"} for "Ann@BigCorp.com"), when given. */
    public Optional<String> senderDomain() {
        return sender().map(String::trim)
                .filter(address -> address.lastIndexOf('@') > 0 && address.lastIndexOf('@') < address.length() - 1)
                .map(address -> address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
    }

    /** Subject and body in one string, separated by a line break. */
    public String text() {
        return subject.isEmpty() ? body : subject + "\n" + body;
    }
}

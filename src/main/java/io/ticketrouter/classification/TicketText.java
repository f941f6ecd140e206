package io.ticketrouter.classification;

/**
 * The text of one ticket as the classifier sees it.
 *
 * @param subject  may be null or blank
 * @param body     the message; never null
 * @param language ISO 639-1 code when the caller knows it (for example from a CSV column), otherwise null and detected
 */
public record TicketText(String subject, String body, String language) {

    public TicketText {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        subject = subject == null ? "" : subject;
    }

    public static TicketText of(String subject, String body) {
        return new TicketText(subject, body, null);
    }
}

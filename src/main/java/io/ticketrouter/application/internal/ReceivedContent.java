package io.ticketrouter.application.internal;

import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketContent;
import java.util.regex.Pattern;

/**
 * A ticket's text as another system delivered it (a helpdesk, a mail), within the portal's limits: what the sender
 * accepted is taken (cut where it is longer, never refused), the subject from the first line of the message when
 * there is none, a name or address that does not fit left out.
 */
final class ReceivedContent {

    /** Longest subject kept; a longer one is cut (the sender keeps the whole of it). */
    static final int SUBJECT_MAX = Ticket.SUBJECT_MAX;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");

    private ReceivedContent() {}

    /** @param empty the body of a ticket whose sender gave no text at all */
    static TicketContent of(String subjectGiven, String bodyGiven, String nameGiven, String emailGiven, String empty) {
        String body = clean(bodyGiven);
        if (body.isBlank()) {
            body = clean(subjectGiven);
        }
        if (body.isBlank()) {
            body = empty;
        }
        if (body.length() > Ticket.BODY_MAX) {
            body = body.substring(0, Ticket.BODY_MAX - 1) + "\u2026";
        }
        String subject = clean(subjectGiven).replaceAll("\\s+", " ").strip();
        if (subject.isEmpty()) {
            subject = body.strip().split("\\R", 2)[0];
        }
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "\u2026";
        }
        String name = nameGiven == null ? null : clean(nameGiven).strip();
        if (name != null && (name.isEmpty() || name.length() > Ticket.NAME_MAX)) {
            name = null;
        }
        String email = emailGiven == null ? null : emailGiven.strip();
        if (email != null
                && (email.length() > Ticket.EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            email = null;
        }
        return new TicketContent(subject, body, name, email);
    }

    /** Without NUL and the other control characters but line breaks and tabs (PostgreSQL refuses NUL in text). */
    static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "");
    }
}

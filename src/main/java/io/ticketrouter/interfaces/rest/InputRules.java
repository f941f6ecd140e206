package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.domain.model.ticket.Ticket;
import java.util.regex.Pattern;

/** The value rules of request fields, with the messages clients see. The portal mirrors these limits. */
final class InputRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private InputRules() {
    }

    /** The message: {@code body}, or its alias {@code text} for clients of the old service. */
    static String body(String body, String text) {
        String value = body != null ? body : text;
        if (value == null) {
            throw new InvalidInputException("body", "body is required: the ticket's message, " + Ticket.BODY_MIN
                    + " to " + Ticket.BODY_MAX + " characters (\"text\" is accepted as an alias)");
        }
        int length = value.strip().length();
        if (length < Ticket.BODY_MIN || value.length() > Ticket.BODY_MAX) {
            throw new InvalidInputException("body", "body must be " + Ticket.BODY_MIN + " to " + Ticket.BODY_MAX
                    + " characters, got " + (length < Ticket.BODY_MIN ? length : value.length()));
        }
        return plainText("body", value);
    }

    static String subject(String subject) {
        if (subject != null && subject.length() > Ticket.SUBJECT_MAX) {
            throw new InvalidInputException("subject", "subject must be at most " + Ticket.SUBJECT_MAX
                    + " characters, got " + subject.length());
        }
        return subject == null ? "" : plainText("subject", subject);
    }

    static String customerName(String name) {
        if (name != null && name.length() > Ticket.NAME_MAX) {
            throw new InvalidInputException("customer_name", "customer_name must be at most " + Ticket.NAME_MAX
                    + " characters, got " + name.length());
        }
        return name == null ? null : plainText("customer_name", name);
    }

    /**
     * Text a person could have typed: no control characters other than tab and line breaks, no lone UTF-16
     * surrogates (as JSON escapes they are valid JSON, but PostgreSQL refuses NUL in text
     * and neither can be shown or stored faithfully).
     */
    static String plainText(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            boolean loneSurrogate = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)));
            if (control || loneSurrogate) {
                throw new InvalidInputException(field, field + " must not contain control characters or unpaired "
                        + "surrogates; found U+" + String.format("%04X", (int) c) + " at position " + i);
            }
            if (Character.isHighSurrogate(c)) {
                i++; // the low surrogate just checked
            }
        }
        return value;
    }

    static String customerEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.trim();
        if (trimmed.length() > Ticket.EMAIL_MAX || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidInputException("customer_email", "customer_email must be an e-mail address such as "
                    + "name@example.com (at most " + Ticket.EMAIL_MAX + " characters)");
        }
        return trimmed;
    }
}

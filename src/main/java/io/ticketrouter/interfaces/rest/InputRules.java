package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.domain.model.ticket.Ticket;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The value rules of request fields, with the messages clients see. The portal mirrors these limits.
 *
 * <p>Every free-text field (subject, body, customer name and e-mail, note) follows one set of text rules
 * ({@link #text}): no control characters (tab and line breaks only where several lines are allowed), no bidirectional
 * overrides, embeddings or isolates, no unpaired UTF-16 surrogates and no Unicode noncharacters; the text is stored in
 * Unicode normalization form NFC. Lengths are counted after normalization (in UTF-16 units, as the database
 * columns count them); a minimum length counts only visible characters, so a message of spaces, zero-width
 * characters or byte order marks is refused.
 */
final class InputRules {

    /**
     * An addr-spec in dot-atom form (RFC 5322 section 3.4.1), letters of any script allowed (RFC 6531): a local part
     * of atoms joined by single dots, an {@code @}, and a domain of at least two labels of letters, digits and
     * inner hyphens. No quoted local parts, comments, IP literals or display names.
     */
    private static final String ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";

    private static final String LABEL = "[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]{0,61}[\\p{L}\\p{M}\\p{N}])?";
    private static final Pattern EMAIL =
            Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");
    static final int EMAIL_LOCAL_MAX = 64;

    /** Whether a field holds one line (subject, name, e-mail) or several (body, note). */
    enum Lines {
        ONE,
        MANY
    }

    private InputRules() {}

    /** The message: {@code body}, or its alias {@code text} for clients of the old service. */
    static String body(String body, String text) {
        String value = body != null ? body : text;
        if (value == null) {
            throw new InvalidInputException(
                    "body",
                    "body is required: the ticket's message, " + Ticket.BODY_MIN + " to " + Ticket.BODY_MAX
                            + " characters (\"text\" is accepted as an alias)");
        }
        return text("body", value, Lines.MANY, Ticket.BODY_MIN, Ticket.BODY_MAX);
    }

    static String subject(String subject) {
        return subject == null ? "" : text("subject", subject, Lines.ONE, 0, Ticket.SUBJECT_MAX);
    }

    static String customerName(String name) {
        return name == null ? null : text("customer_name", name, Lines.ONE, 0, Ticket.NAME_MAX);
    }

    /** An agent's note: 1 to {@value Ticket#NOTE_MAX} characters, at least one of them visible. */
    static String note(String note) {
        return note == null ? null : text("note", note, Lines.MANY, 1, Ticket.NOTE_MAX);
    }

    /**
     * The one set of text rules (see the class comment). Returns the text in NFC; throws a 400 naming the field, what
     * was found where, and what is allowed.
     *
     * @param min the least number of visible characters (0: the field may be empty)
     * @param max the most characters in all
     */
    static String text(String field, String value, Lines lines, int min, int max) {
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        int length = 0;
        int visible = 0;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            String problem = forbidden(cp, lines);
            if (problem != null) {
                throw new InvalidInputException(
                        field,
                        field + " must be plain text" + (lines == Lines.ONE ? " on one line" : "")
                                + ": no control characters"
                                + (lines == Lines.MANY ? " other than tab and line breaks" : "")
                                + ", bidirectional overrides or unpaired "
                                + "surrogates; found " + problem + " at position " + length);
            }
            if (isVisible(cp)) {
                visible++;
            }
            length++;
            i += Character.charCount(cp);
        }
        // the maximum in UTF-16 units, as the database columns count (a character outside the BMP counts twice)
        length = nfc.length();
        if (length > max || visible < min) {
            String range = min == 0 ? "at most " + max + " characters" : min + " to " + max + " characters";
            boolean invisible =
                    visible != nfc.strip().codePointCount(0, nfc.strip().length());
            String got = length > max
                    ? "got " + length
                    : "got " + visible
                            + (invisible
                                    ? " visible (spaces and "
                                            + "invisible characters such as zero-width spaces, byte order marks or no-break spaces do not "
                                            + "count)"
                                    : "");
            throw new InvalidInputException(field, field + " must be " + range + ", " + got);
        }
        return nfc;
    }

    /** Why this code point may not be in the text (for the message), or null when it may. */
    private static String forbidden(int cp, Lines lines) {
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return "the unpaired surrogate " + hex(cp); // codePointAt returns a lone surrogate as itself
        }
        boolean lineBreak = cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
        if (cp == '\t' || lineBreak) {
            return lines == Lines.MANY ? null : "the " + (cp == '\t' ? "tab " : "line break ") + hex(cp);
        }
        if (Character.getType(cp) == Character.CONTROL) {
            return "the control character " + hex(cp);
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return "the bidirectional control " + hex(cp);
        }
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            return "the noncharacter " + hex(cp);
        }
        return null;
    }

    /**
     * Whether the code point shows as something: not white space, not a control or format character (zero-width
     * space and joiners, byte order mark, soft hyphen), not a combining mark on its own, not one of the letters
     * Unicode defines as invisible fillers.
     */
    static boolean isVisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.UNASSIGNED,
                    Character.SURROGATE,
                    Character.PRIVATE_USE -> {
                return false;
            }
            default -> {
                // Hangul fillers, the Braille blank, the Khmer inherent vowels, Mongolian vowel separator
                return !(cp == 0x115F
                        || cp == 0x1160
                        || cp == 0x3164
                        || cp == 0xFFA0
                        || cp == 0x2800
                        || cp == 0x17B4
                        || cp == 0x17B5
                        || cp == 0x180E);
            }
        }
    }

    private static String hex(int cp) {
        return String.format("U+%04X", cp);
    }

    /**
     * Text a person could have typed on one line or several (kept for callers that only check, not normalize).
     */
    static String plainText(String field, String value) {
        return text(field, value, Lines.MANY, 0, Integer.MAX_VALUE);
    }

    /** An optional e-mail address: the text rules on one line, then an addr-spec in dot-atom form. */
    static String customerEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String value = text("customer_email", email.strip(), Lines.ONE, 0, Ticket.EMAIL_MAX);
        int at = value.lastIndexOf('@');
        if (!EMAIL.matcher(value).matches() || at > EMAIL_LOCAL_MAX) {
            throw new InvalidInputException(
                    "customer_email",
                    "customer_email must be an e-mail address such as "
                            + "name@example.com: letters, digits and !#$%&'*+/=?^_`{|}~- in dot-separated words before the @ "
                            + "(at most " + EMAIL_LOCAL_MAX + "), a domain of dot-separated names after it, no spaces, "
                            + "angle brackets, quotes or two dots in a row, at most " + Ticket.EMAIL_MAX
                            + " characters");
        }
        return value;
    }
}

package io.ticketrouter.interfaces.rest;

import io.ticketrouter.domain.model.ticket.Ticket;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value rules of free-text request fields, with the messages clients see; the constraints {@link PlainText} and
 * {@link EmailAddress} apply them to request records. The portal mirrors these limits.
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

    /**
     * What is wrong with this text under the text rules (see the class comment), as the end of a sentence that starts
     * with the field's name ("must be at most 300 characters, got 301"); empty when nothing is.
     *
     * @param min the least number of visible characters (0: the field may be empty)
     * @param max the most characters in all
     */
    static Optional<String> textProblem(String value, Lines lines, int min, int max) {
        String nfc = normalize(value);
        int length = 0;
        int visible = 0;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            String problem = forbidden(cp, lines);
            if (problem != null) {
                return Optional.of("must be plain text" + (lines == Lines.ONE ? " on one line" : "")
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
        if (length <= max && visible >= min) {
            return Optional.empty();
        }
        String range = min == 0 ? "at most " + max + " characters" : min + " to " + max + " characters";
        boolean invisible = visible != nfc.strip().codePointCount(0, nfc.strip().length());
        String got = length > max
                ? "got " + length
                : "got " + visible
                        + (invisible
                                ? " visible (spaces and invisible characters such as zero-width spaces, byte order"
                                        + " marks or no-break spaces do not count)"
                                : "");
        return Optional.of("must be " + range + ", " + got);
    }

    /** The text as it is stored: in Unicode normalization form NFC; null stays null. */
    static String normalize(String value) {
        return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC);
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
     * What is wrong with this e-mail address (after the text rules on one line), as the end of a sentence that starts
     * with the field's name; empty when nothing is. Blank counts as no address.
     */
    static Optional<String> emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String value = normalize(email.strip());
        Optional<String> text = textProblem(value, Lines.ONE, 0, Ticket.EMAIL_MAX);
        if (text.isPresent()) {
            return text;
        }
        int at = value.lastIndexOf('@');
        if (EMAIL.matcher(value).matches() && at <= EMAIL_LOCAL_MAX) {
            return Optional.empty();
        }
        return Optional.of("must be an e-mail address such as "
                + "name@example.com: letters, digits and !#$%&'*+/=?^_`{|}~- in dot-separated words before the @ "
                + "(at most " + EMAIL_LOCAL_MAX + "), a domain of dot-separated names after it, no spaces, "
                + "angle brackets, quotes or two dots in a row, at most " + Ticket.EMAIL_MAX + " characters");
    }

    /** An e-mail address as it is stored: stripped and in NFC; blank is no address (null). */
    static String normalizeEmail(String email) {
        return email == null || email.isBlank() ? null : normalize(email.strip());
    }
}

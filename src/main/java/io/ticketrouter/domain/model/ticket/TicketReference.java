package io.ticketrouter.domain.model.ticket;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The human-friendly, unique name of a ticket, for example {@code TR-000042}: the letters {@code TR}, a dash and the
 * ticket's sequence number with at least six digits. It is short enough to read out on the phone, sorts in creation
 * order, and lets a client ask for "everything after TR-000042" even when that ticket has since been deleted.
 *
 * <p>Format (case-insensitive on input): {@value #FORMAT}.
 */
public final class TicketReference implements Comparable<TicketReference> {

    /** The documented format, as a regular expression. */
    public static final String FORMAT = "TR-[0-9]{6,18}";

    /** What a user is told when a reference does not match. */
    public static final String FORMAT_DESCRIPTION = "TR- followed by 6 to 18 digits, for example TR-000042";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    private final long number;

    private TicketReference(long number) {
        if (number <= 0) {
            throw new IllegalArgumentException("ticket number must be positive, got " + number);
        }
        this.number = number;
    }

    public static TicketReference of(long number) {
        return new TicketReference(number);
    }

    /**
     * Parses a reference as a user typed it.
     *
     * @throws IllegalArgumentException with a message saying what the format is
     */
    public static TicketReference parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("reference is required: " + FORMAT_DESCRIPTION);
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT);
        if (!PATTERN.matcher(normalized).matches()) {
            throw new IllegalArgumentException(
                    "reference must be " + FORMAT_DESCRIPTION + ", got \"" + abbreviate(text) + "\"");
        }
        long number;
        try {
            number = Long.parseLong(normalized.substring(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reference number is too large: \"" + abbreviate(text) + "\"");
        }
        if (number == 0) {
            throw new IllegalArgumentException("reference must not be TR-000000: numbers start at 1");
        }
        return new TicketReference(number);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public long number() {
        return number;
    }

    public String value() {
        return String.format(Locale.ROOT, "TR-%06d", number);
    }

    private static String abbreviate(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
    }

    @Override
    public int compareTo(TicketReference other) {
        return Long.compare(number, other.number);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketReference other && other.number == number;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(number);
    }

    @Override
    public String toString() {
        return value();
    }
}

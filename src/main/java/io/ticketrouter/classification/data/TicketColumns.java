package io.ticketrouter.classification.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a CSV file (or keys of a JSON Lines file) hold a ticket's fields, so that a helpdesk export is read
 * as it is: for example a Jira export's {@code Summary}, {@code Description} and {@code Priority}. Names compare
 * ignoring case and surrounding blanks. Several body columns are joined, in order, with a blank line between the
 * non-empty ones.
 *
 * @param subject  the subject column (optional in the file)
 * @param body     the message columns, at least one (all required in the file)
 * @param queue    the department column (required)
 * @param priority the priority column (required)
 * @param language the language column (optional in the file)
 * @param answer   the column of the reply the ticket got (optional in the file; only {@code import} keeps it)
 */
public record TicketColumns(
        String subject, List<String> body, String queue, String priority, String language, String answer) {

    /** The names Ticket Router's own files and exports use. */
    public static final TicketColumns DEFAULT =
            new TicketColumns("subject", List.of("body"), "queue", "priority", "language");

    /** The columns with the answer in a column named {@code answer}. */
    public TicketColumns(String subject, List<String> body, String queue, String priority, String language) {
        this(subject, body, queue, priority, language, "answer");
    }

    public TicketColumns {
        body = body == null ? List.of() : List.copyOf(body);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("at least one body column is needed");
        }
        for (String name : allNames(subject, body, queue, priority, language, answer)) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a column name must not be empty");
            }
        }
    }

    /** The columns a file must have, in the order they are checked: the body columns, queue, priority. */
    public List<String> required() {
        List<String> required = new ArrayList<>(body);
        required.add(queue);
        required.add(priority);
        return required;
    }

    /** The form under which names are compared. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The same columns with the answer in {@code column}. */
    public TicketColumns withAnswer(String column) {
        return new TicketColumns(subject, body, queue, priority, language, column);
    }

    private static List<String> allNames(
            String subject, List<String> body, String queue, String priority, String language, String answer) {
        List<String> names = new ArrayList<>(body);
        names.add(answer);
        names.add(subject);
        names.add(queue);
        names.add(priority);
        names.add(language);
        return names;
    }
}

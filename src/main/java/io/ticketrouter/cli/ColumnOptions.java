package io.ticketrouter.cli;

import io.ticketrouter.classification.data.TicketColumns;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the ticket fields are in the data files, so that a helpdesk export is read as it is ({@code train}, {@code evaluate}). */
final class ColumnOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--subject-column",
            paramLabel = "NAME",
            defaultValue = "subject",
            description = "Column (or JSON Lines key) of the subject; optional in the file.")
    String subject;

    @Option(
            names = "--body-column",
            paramLabel = "NAME",
            defaultValue = "body",
            description = "Column of the message; repeat to join several, for example a description and comments.")
    List<String> body;

    @Option(
            names = "--queue-column",
            paramLabel = "NAME",
            defaultValue = "queue",
            description = "Column of the department.")
    String queue;

    @Option(
            names = "--priority-column",
            paramLabel = "NAME",
            defaultValue = "priority",
            description = "Column of the priority.")
    String priority;

    @Option(
            names = "--language-column",
            paramLabel = "NAME",
            defaultValue = "language",
            description = "Column of the language code; optional in the file.")
    String language;

    TicketColumns columns() {
        try {
            return new TicketColumns(subject, body, queue, priority, language);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}

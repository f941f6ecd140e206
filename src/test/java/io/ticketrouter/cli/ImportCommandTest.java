package io.ticketrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.Fixtures;
import io.ticketrouter.classification.bundle.ModelBundles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} against the real schema in an H2 file: a helpdesk export with its own column names becomes resolved
 * tickets with the file's labels and answers, rows that do not fit are counted, and a second import adds nothing.
 */
class ImportCommandTest {

    @TempDir
    static Path shared;

    static Path model;

    @BeforeAll
    static void trainAModel() throws Exception {
        model = shared.resolve("model");
        ModelBundles.save(Fixtures.trainSmall(Fixtures.smallTickets()).bundle(), model, Map.of());
    }

    /** Runs the command; answers {exit code, what it printed on stderr}. */
    private static Object[] run(String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = TicketRouterCommand.commandLine().execute(args);
        } finally {
            System.setErr(before);
        }
        return new Object[] {code, printed.toString(StandardCharsets.UTF_8)};
    }

    private static final String EXPORT = """
            Title,Text,Team,Prio,Reply
            Refund for a double charge,"I was charged twice for my March invoice, please refund one payment.",Billing and Payments,Medium,"We have refunded the second payment; it shows in 3-5 days."
            Drucker druckt nicht,"Seit dem Update druckt der Drucker im zweiten Stock gar nicht mehr.",IT Support,high,
            %s,Subject too long for the ticket table,IT Support,low,
            Refund for a double charge,"I was charged twice for my March invoice, please refund one payment.",Billing and Payments,medium,"A repeated row"
            ,"La entrega llegó rota, quiero un cambio.",Returns and Exchanges,LOW,"Le enviamos un nuevo paquete hoy."
            """.formatted("x".repeat(301));

    private static final String[] COLUMNS = {
        "--subject-column", "Title",
        "--body-column", "Text",
        "--queue-column", "Team",
        "--priority-column", "Prio",
        "--answer-column", "Reply"
    };

    private static String[] importArgs(Path file, Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "import", "--data", file.toString(), "--data-dir", dataDir.toString(), "--models", model.toString()));
        args.addAll(List.of(COLUMNS));
        return args.toArray(String[]::new);
    }

    @Test
    void aHelpdeskExportBecomesResolvedTicketsWithItsLabelsAndAnswersOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("helpdesk-export.csv");
        Files.writeString(file, EXPORT);
        Path data = dir.resolve("var");

        Object[] first = run(importArgs(file, data));
        assertEquals(0, first[0], (String) first[1]);
        String said = (String) first[1];
        assertTrue(said.contains("Imported 3 tickets (2 with an answer)"), said);
        assertTrue(said.contains("1 skipped as imported before"), "the repeated row: " + said);
        assertTrue(said.contains("subject longer than 300 characters=1"), said);

        try (Connection c = Installation.connect(Installation.h2Url(data));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, reference, status, subject, final_queue, final_priority,"
                        + " answer, channel, needs_review, language, predicted_queue, corrected_queue FROM ticket"
                        + " ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                assertEquals(String.format("TR-%06d", rs.getLong("id")), rs.getString("reference"));
                assertEquals("RESOLVED", rs.getString("status"));
                assertEquals("import", rs.getString("channel"));
                assertEquals(0, rs.getInt("needs_review"), "history needs no review");
                assertFalse(rs.getString("language").isBlank());
                assertFalse(rs.getString("predicted_queue").isBlank(), "the model's prediction is kept beside");
                assertNull(rs.getString("corrected_queue"), "an import is not an agent's correction");
                rows.add(rs.getString("subject") + "|" + rs.getString("final_queue") + "|"
                        + rs.getString("final_priority") + "|" + rs.getString("answer"));
            }
            assertEquals(
                    List.of(
                            "Refund for a double charge|Billing and Payments|medium|"
                                    + "We have refunded the second payment; it shows in 3-5 days.",
                            "Drucker druckt nicht|IT Support|high|null",
                            "|Returns and Exchanges|low|Le enviamos un nuevo paquete hoy."),
                    rows);
        }

        Object[] again = run(importArgs(file, data));
        assertEquals(0, again[0], (String) again[1]);
        assertTrue(((String) again[1]).contains("Imported 0 tickets (0 with an answer)"), (String) again[1]);
        assertTrue(((String) again[1]).contains("4 skipped as imported before"), (String) again[1]);
    }

    @Test
    void importedIdsComeFromBlocksTheServerNeverHandsOut(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("var");
        String url = Installation.h2Url(data);
        Installation.migrateSchema(url);
        try (Connection c = Installation.connect(url)) {
            List<Long> imported = ImportCommand.ids(c, 45);
            assertEquals(45, new HashSet<>(imported).size(), imported.toString());
            // the server's JPA provider takes the next value as the last id of its block of 20
            long serverLast;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT NEXT VALUE FOR ticket_seq")) {
                rs.next();
                serverLast = rs.getLong(1);
            }
            long serverFirst = serverLast - 19;
            assertTrue(imported.stream().allMatch(id -> id > 0 && id < serverFirst), imported + " / " + serverFirst);
        }
    }

    @Test
    void withoutAModelItSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, EXPORT);
        Path empty = Files.createDirectories(dir.resolve("models"));
        Files.writeString(empty.resolve("README.md"), "no bundle here");
        String[] args = importArgs(file, dir.resolve("var"));
        args[6] = empty.toString(); // --models
        Object[] result = run(args);
        assertEquals(1, result[0]);
        assertTrue(((String) result[1]).contains("no usable model bundle in " + empty), (String) result[1]);
        assertFalse(Files.exists(dir.resolve("var/db/tickets.mv.db")), "nothing was written");
    }
}

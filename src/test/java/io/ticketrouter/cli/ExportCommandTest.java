package io.ticketrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.data.TicketCsvReader;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export CSV goes through the trainer's own CSV reader unchanged: final labels, awkward text and all. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private static final String HARD_BODY = "Line one, with a comma;\n\"quoted\" line two — Umlaute äöü ß, ñ, ç\r\nend";

    private Connection database(Path data) throws Exception {
        Files.createDirectories(data.resolve("db"));
        Connection c = DriverManager.getConnection(Installation.h2Url(data), "ticketrouter", "ticketrouter");
        try (Statement s = c.createStatement()) {
            // the columns export reads, as JPA creates them
            s.execute("CREATE TABLE ticket (id BIGINT PRIMARY KEY, reference VARCHAR(24), subject VARCHAR(300),"
                    + " body VARCHAR(10000), language VARCHAR(16), predicted_queue VARCHAR(100),"
                    + " predicted_priority VARCHAR(32), model_version VARCHAR(100), corrected_queue VARCHAR(100),"
                    + " corrected_priority VARCHAR(32), final_queue VARCHAR(100), final_priority VARCHAR(32))");
        }
        insert(c, 1, "Refund", "Please refund my second payment.", "en", "Billing and Payments", "low", null, null);
        insert(c, 2, "Drucker", HARD_BODY, "de", "Product Support", "medium", "IT Support", null);
        insert(c, 3, "", "Sin asunto: la entrega llegó rota.", "es", "Customer Service", "low", null, "high");
        return c;
    }

    private static void insert(
            Connection c,
            long id,
            String subject,
            String body,
            String language,
            String queue,
            String priority,
            String correctedQueue,
            String correctedPriority)
            throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ticket VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setLong(1, id);
            p.setString(2, String.format("TR-%06d", id));
            p.setString(3, subject);
            p.setString(4, body);
            p.setString(5, language);
            p.setString(6, queue);
            p.setString(7, priority);
            p.setString(8, "v1");
            p.setString(9, correctedQueue);
            p.setString(10, correctedPriority);
            p.setString(11, correctedQueue == null ? queue : correctedQueue);
            p.setString(12, correctedPriority == null ? priority : correctedPriority);
            p.executeUpdate();
        }
    }

    @Test
    void exportedCsvReadsBackWithFinalLabels() throws Exception {
        Path data = dir.resolve("var");
        try (Connection c = database(data)) {
            StringBuilder csv = new StringBuilder();
            int[] counts = ExportCommand.export(c, false, csv);
            assertEquals(3, counts[0]);
            assertEquals(2, counts[1]);
            Path file = dir.resolve("all.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);

            TicketDataset read = TicketCsvReader.read(file);
            assertEquals(0, read.skippedRows());
            List<TicketRecord> rows = read.records();
            assertEquals(
                    new TicketRecord("Refund", "Please refund my second payment.", "Billing and Payments", "low", "en"),
                    rows.get(0));
            // the agent's queue wins over the prediction; text survives commas, quotes, newlines and accents
            // (the reader strips surrounding blanks only)
            assertEquals(new TicketRecord("Drucker", HARD_BODY.strip(), "IT Support", "medium", "de"), rows.get(1));
            assertEquals(
                    new TicketRecord("", "Sin asunto: la entrega llegó rota.", "Customer Service", "high", "es"),
                    rows.get(2));

            StringBuilder corrected = new StringBuilder();
            assertEquals(2, ExportCommand.export(c, true, corrected)[0]);
            Path onlyCorrected = dir.resolve("corrected.csv");
            Files.writeString(onlyCorrected, corrected, StandardCharsets.UTF_8);
            assertEquals(
                    List.of("IT Support", "Customer Service"),
                    TicketCsvReader.read(onlyCorrected).records().stream()
                            .map(TicketRecord::queue)
                            .toList());
        }
    }

    @Test
    void commandWritesTheFileAndExplainsAMissingDatabase() throws Exception {
        Path data = dir.resolve("var");
        database(data).close();
        Path out = dir.resolve("out/corrections.csv");
        StringWriter err = new StringWriter();
        var cl = TicketRouterCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("export", "--data-dir", data.toString(), "--corrected-only", "--out", out.toString());
        assertEquals(0, code, err.toString());
        assertEquals(2, TicketCsvReader.read(out).size());

        StringWriter err2 = new StringWriter();
        var cl2 = TicketRouterCommand.commandLine();
        cl2.setErr(new PrintWriter(err2));
        assertEquals(
                1, cl2.execute("export", "--data-dir", dir.resolve("nothing").toString(), "--out", out.toString()));
        assertTrue(err2.toString().startsWith("export: no ticket database at "), err2.toString());
    }
}

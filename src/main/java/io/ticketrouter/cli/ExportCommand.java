package io.ticketrouter.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export}: writes stored tickets with their final labels (the agent's correction when there is one, else the
 * prediction) as a CSV that {@code train --data} reads, so a retraining run learns from the agents' corrections.
 *
 * <p>The database is found exactly like the server finds it: {@code ticketrouter.db.url}, {@code .user},
 * {@code .password} as system properties or environment variables ({@code TICKETROUTER_DB_URL}, ...), else the
 * embedded H2 file under {@code --data-dir}. Plain JDBC: the command line does not start JPA.
 */
@Command(
        name = "export",
        description = "Write stored tickets with their final (agent-corrected) labels as a training CSV "
                + "(subject, body, queue, priority, language).")
final class ExportCommand implements Callable<Integer> {

    /** Columns train reads, then columns kept for the audit trail (train ignores them). */
    static final List<String> HEADER = List.of(
            "subject",
            "body",
            "queue",
            "priority",
            "language",
            "reference",
            "model_version",
            "predicted_queue",
            "predicted_priority",
            "corrected");

    @Mixin
    DataDirOption server;

    @Option(names = "--corrected-only", description = "Only tickets an agent corrected (queue or priority).")
    boolean correctedOnly;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String url = Installation.configuredDatabaseUrl();
        if (url == null) {
            Path data = server.dataDir();
            if (!Files.isRegularFile(data.resolve("db/tickets.mv.db"))) {
                throw new CliFailure("export: no ticket database at " + data.resolve("db/tickets.mv.db")
                        + " (give the server's --data-dir, or set ticketrouter.db.url / TICKETROUTER_DB_URL)");
            }
            url = Installation.h2Url(data);
        }
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        int[] counts;
        try (Connection c = Installation.connect(url)) {
            c.setReadOnly(true);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                counts = export(c, correctedOnly, w);
            }
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new CliFailure(
                    "export: cannot read tickets from " + Installation.redact(url) + ": " + Installation.explain(e));
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(
                Locale.ROOT, "Exported %d tickets (%d corrected by agents) to %s%n", counts[0], counts[1], target);
        return 0;
    }

    /**
     * Writes the CSV of all (or only the corrected) tickets, oldest first. Returns {rows, corrected rows}.
     * Package-private for tests.
     */
    static int[] export(Connection c, boolean correctedOnly, Appendable out) throws SQLException, IOException {
        String sql = "SELECT subject, body, final_queue, final_priority, language, reference, model_version,"
                + " predicted_queue, predicted_priority, corrected_queue, corrected_priority FROM ticket"
                + (correctedOnly ? " WHERE corrected_queue IS NOT NULL OR corrected_priority IS NOT NULL" : "")
                + " ORDER BY id";
        int rows = 0;
        int corrected = 0;
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(HEADER.toArray(String[]::new))
                .get();
        try (PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            st.setFetchSize(500);
            CSVPrinter csv = new CSVPrinter(out, format);
            while (rs.next()) {
                boolean isCorrected = rs.getString(10) != null || rs.getString(11) != null;
                csv.printRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        isCorrected ? "yes" : "no");
                rows++;
                corrected += isCorrected ? 1 : 0;
            }
            csv.flush();
        }
        return new int[] {rows, corrected};
    }
}

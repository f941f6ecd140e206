package io.ticketrouter.cli;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.bundle.ModelBundles;
import io.ticketrouter.classification.data.DataException;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketFiles;
import io.ticketrouter.classification.data.TicketRecord;
import io.ticketrouter.classification.training.ProgressListener;
import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketReference;
import io.ticketrouter.domain.model.ticket.TicketStatus;
import io.ticketrouter.infrastructure.persistence.schema.DatabaseSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code import}: loads labelled past tickets (a helpdesk export, with the answers they got when the file has them) into
 * the ticket database as resolved tickets of the channel {@code import}, so that a new installation has earlier
 * tickets to show as similar ones and to offer answers from.
 *
 * <p>Every ticket is classified by the installed model, which gives its language and the prediction the dashboard shows
 * beside the file's labels; the file's queue and priority become the ticket's final ones. Imported tickets never need
 * review and are left out of the production quality figures. Importing the same file again adds nothing: a ticket
 * whose subject and text an imported ticket already has is skipped. The database is found as {@code export} finds it;
 * a running server (H2 with its default URL, or PostgreSQL) may stay up: it indexes the new tickets within seconds,
 * a stopped one when it starts.
 */
@Command(
        name = "import",
        description = "Load labelled past tickets (CSV or JSON Lines, with an optional answer column) as resolved "
                + "tickets, to compare new tickets with.")
final class ImportCommand implements Callable<Integer> {

    /** Tickets classified, then written and committed, at a time. */
    static final int BATCH = 500;

    /** The sequence's increment and the entity's allocation size (schema V1, {@code Ticket}). */
    private static final int ALLOCATION = 20;

    @Mixin
    TicketFilesOption data;

    @Mixin
    ColumnOptions columns;

    @Option(
            names = "--answer-column",
            paramLabel = "NAME",
            defaultValue = "answer",
            description = "Column of the reply each ticket got; optional in the file.")
    String answerColumn;

    @Mixin
    DataDirOption server;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            description = "The model bundle the server uses (default: models/ in the repository).")
    Path models;

    /** What an import did. */
    record Outcome(int imported, int withAnswer, int alreadyThere, Map<String, Integer> skipped) {}

    @Override
    public Integer call() throws Exception {
        TicketDataset dataset;
        try {
            dataset = TicketFiles.read(data.files, columns.columns().withAnswer(answerColumn));
        } catch (DataException e) {
            throw new CliFailure("import: " + e.getMessage());
        }
        Path modelDir = models == null
                ? Installation.home().resolve("models")
                : models.toAbsolutePath().normalize();
        TicketClassifier classifier;
        try {
            classifier = ModelBundles.load(modelDir);
        } catch (BundleException e) {
            throw new CliFailure(
                    "import: no usable model bundle in " + modelDir + " (" + CliFailure.oneLine(e.getMessage())
                            + "); start the server once (it trains one from data/sample/) or give --models DIR");
        }
        String url = Installation.configuredDatabaseUrl();
        if (url == null) {
            url = Installation.h2Url(server.dataDir());
        }
        try {
            Installation.migrateSchema(url);
        } catch (DatabaseSchema.SchemaException e) {
            throw new CliFailure("import: " + CliFailure.oneLine(e.getMessage()));
        }
        ConsoleProgress progress = ConsoleProgress.forStderr();
        Outcome outcome;
        try (Connection c = Installation.connect(url)) {
            outcome = importTickets(c, classifier, dataset, Instant.now(), progress);
        } catch (SQLException e) {
            throw new CliFailure(
                    "import: cannot write tickets to " + Installation.redact(url) + ": " + Installation.explain(e));
        }
        Map<String, Integer> skipped = new TreeMap<>(dataset.skippedByReason());
        outcome.skipped().forEach((k, v) -> skipped.merge(k, v, Integer::sum));
        progress.finish(String.format(
                Locale.ROOT,
                "Imported %d tickets (%d with an answer) into %s; %d skipped as imported before (or repeated in the file)%s",
                outcome.imported(),
                outcome.withAnswer(),
                Installation.redact(url),
                outcome.alreadyThere(),
                skipped.isEmpty() ? "" : "; not importable: " + skipped));
        return 0;
    }

    /**
     * Classifies and stores the data set's tickets, {@value #BATCH} per transaction, oldest row first; a row that does
     * not fit the ticket table (subject or text too long) is counted as skipped, a ticket imported before is counted
     * and left. Package-private for tests.
     */
    static Outcome importTickets(
            Connection c, TicketClassifier classifier, TicketDataset dataset, Instant now, ProgressListener progress)
            throws SQLException {
        Map<String, Integer> skipped = new TreeMap<>();
        List<TicketRecord> fresh = new ArrayList<>();
        Set<String> known = importedContent(c);
        int alreadyThere = 0;
        for (TicketRecord r : dataset.records()) {
            String reason = unfit(r);
            if (reason != null) {
                skipped.merge(reason, 1, Integer::sum);
            } else if (!known.add(contentKey(r.subject(), r.body()))) {
                alreadyThere++;
            } else {
                fresh.add(r);
            }
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        int withAnswer = 0;
        progress.start("Importing", fresh.size());
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int from = 0; from < fresh.size(); from += BATCH) {
                List<TicketRecord> batch = fresh.subList(from, Math.min(fresh.size(), from + BATCH));
                List<Prediction> predictions = batch.parallelStream()
                        .map(r -> classifier.classify(new TicketText(r.subject(), r.body(), r.language())))
                        .toList();
                List<Long> ids = ids(c, batch.size());
                // updated_at is the commit's time (to the second), so a running server's catch-up by updated_at
                // finds the rows
                Timestamp at = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
                Timestamp created = Timestamp.from(now.truncatedTo(ChronoUnit.MICROS));
                for (int i = 0; i < batch.size(); i++) {
                    TicketRecord r = batch.get(i);
                    Prediction p = predictions.get(i);
                    long id = ids.get(i);
                    int k = 1;
                    insert.setLong(k++, id);
                    insert.setString(k++, TicketReference.of(id).value());
                    insert.setTimestamp(k++, created);
                    insert.setTimestamp(k++, at);
                    insert.setString(k++, TicketStatus.RESOLVED.name());
                    insert.setString(k++, r.subject());
                    insert.setString(k++, r.body());
                    insert.setString(k++, p.language());
                    insert.setString(k++, p.queue().label());
                    insert.setDouble(k++, p.queue().confidence());
                    insert.setString(k++, p.priority().label());
                    insert.setDouble(k++, p.priority().confidence());
                    insert.setDouble(k++, p.queueReviewThreshold());
                    insert.setString(k++, p.modelVersion());
                    insert.setString(k++, r.queue());
                    insert.setString(k++, r.priority());
                    if (r.answer() == null) {
                        insert.setNull(k++, Types.VARCHAR);
                    } else {
                        insert.setString(k++, r.answer());
                        withAnswer++;
                    }
                    insert.setString(k, Ticket.CHANNEL_IMPORT);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                progress.step(from + batch.size());
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return new Outcome(fresh.size(), withAnswer, alreadyThere, skipped);
    }

    private static final String INSERT = "INSERT INTO ticket (id, version, reference, created_at, updated_at, status,"
            + " subject, body, language, predicted_queue, queue_confidence, predicted_priority, priority_confidence,"
            + " review_threshold, needs_review, model_version, final_queue, final_priority, answer, channel)"
            + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)";

    /** Why a row cannot be a ticket, or null. */
    private static String unfit(TicketRecord r) {
        if (r.subject().length() > Ticket.SUBJECT_MAX) {
            return "subject longer than " + Ticket.SUBJECT_MAX + " characters";
        }
        if (r.body().length() > Ticket.BODY_MAX) {
            return "text longer than " + Ticket.BODY_MAX + " characters";
        }
        if (r.answer() != null && r.answer().length() > Ticket.BODY_MAX) {
            return "answer longer than " + Ticket.BODY_MAX + " characters";
        }
        return null;
    }

    /**
     * Ids for {@code count} new tickets from the sequence the server draws from. The server's JPA provider takes a
     * block of 20 ids per value the sequence gives (its allocation size, the sequence's increment): the value is the
     * block's last id. Blocks taken here are never handed out to the server, and the other way round.
     */
    static List<Long> ids(Connection c, int count) throws SQLException {
        String sql = c.getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres")
                ? "SELECT nextval('ticket_seq')"
                : "SELECT NEXT VALUE FOR ticket_seq";
        List<Long> ids = new ArrayList<>(count);
        try (Statement st = c.createStatement()) {
            while (ids.size() < count) {
                long last;
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    last = rs.getLong(1);
                }
                for (long id = last - ALLOCATION + 1; id <= last && ids.size() < count; id++) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The subject and text of every ticket imported before, as {@link #contentKey} gives them. */
    private static Set<String> importedContent(Connection c) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT subject, body FROM ticket WHERE channel = ?")) {
            st.setString(1, Ticket.CHANNEL_IMPORT);
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    keys.add(contentKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return keys;
    }

    private static String contentKey(String subject, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(subject.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.ticketrouter.infrastructure.search;

import io.ticketrouter.application.AfterCommitExecutor;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketIndex;
import io.ticketrouter.classification.text.TextAnalyzer;
import io.ticketrouter.domain.model.ticket.TicketReference;
import io.ticketrouter.domain.model.ticket.TicketStatus;
import io.ticketrouter.similarity.SimilarityIndex;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.lucene.store.LockObtainFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The similar-ticket index of this server, kept in step with the ticket table.
 *
 * <p>The database is the truth and the index only a lookup structure, so nothing it misses can show as a wrong
 * answer:
 * <ul>
 *   <li>every change committed here ({@link TicketChanged}) marks the ticket; one worker reads the marked tickets'
 *       rows and indexes them, or removes those whose row is gone, so events arriving out of order do no harm;</li>
 *   <li>every {@value #SWEEP_SECONDS} s the worker also looks for rows changed since the last look (changes made by
 *       other members of a cluster, imports by {@code ./ticket-router import}), comparing row versions;</li>
 *   <li>at start-up the index is compared with the whole table (a crash may have left it behind) and rebuilt when
 *       missing or unreadable; until that is done, answers say they may be incomplete;</li>
 *   <li>what is shown of a similar ticket is read from the database when asked.</li>
 * </ul>
 * The index lives in {@code <ticketrouter.data.dir>/similar-index}; when that directory cannot be used (another
 * process holds it, it is not writable) the index is kept in memory and rebuilt at every start.
 */
@ApplicationScoped
public class LuceneTicketIndex implements TicketIndex {

    static final int SWEEP_SECONDS = 5;

    /** Rows read per query when indexing. */
    private static final int BATCH = 500;

    /** How far before the newest change seen the next sweep looks again (clock differences, slow commits). */
    private static final Duration SWEEP_OVERLAP = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(LuceneTicketIndex.class.getName());

    @Resource(lookup = "java:app/jdbc/tickets")
    DataSource database;

    @Resource
    ManagedScheduledExecutorService executor;

    /** Runs the index's updates: a task per change, which the container's executor makes costly. */
    @Inject
    AfterCommitExecutor afterCommit;

    @Inject
    @ConfigProperty(name = "ticketrouter.data.dir", defaultValue = "./var")
    String dataDir;

    private volatile SimilarityIndex index;
    /** Ticket id to the row version indexed. */
    private final Map<Long, Long> indexed = new ConcurrentHashMap<>();
    /** Tickets whose row must be read again. */
    private final Set<Long> marked = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean working = new AtomicBoolean();
    private volatile boolean reconciled;
    private volatile Instant sweptUpTo;
    private ScheduledFuture<?> sweeper;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        index = open(Path.of(dataDir, "similar-index"));
        indexed.putAll(index.versions());
        executor.execute(this::reconcile);
        sweeper = executor.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        SimilarityIndex current = index;
        index = null;
        if (current != null) {
            synchronized (this) {
                try {
                    current.close();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Closing the similar-ticket index failed: {0}", e.toString());
                }
            }
        }
    }

    void onTicketChanged(@ObservesAsync TicketChanged change) {
        mark(TicketReference.parse(change.reference()).number());
    }

    @Override
    public List<Match> nearest(String text, String language, String exclude, int limit) {
        SimilarityIndex current = index;
        if (current == null) {
            return List.of();
        }
        long excluded = exclude == null ? -1 : TicketReference.parse(exclude).number();
        List<Match> matches = new ArrayList<>(limit);
        for (SimilarityIndex.Match m : current.nearest(text, language, excluded, limit)) {
            matches.add(new Match(TicketReference.of(m.id()).value(), m.similarity()));
        }
        return matches;
    }

    @Override
    public void stale(String reference) {
        mark(TicketReference.parse(reference).number());
    }

    @Override
    public boolean complete() {
        return reconciled && marked.isEmpty();
    }

    private SimilarityIndex open(Path dir) {
        TextAnalyzer analyzer = new TextAnalyzer(true);
        try {
            SimilarityIndex opened = SimilarityIndex.open(dir, analyzer);
            LOG.log(
                    Level.INFO,
                    opened.startedEmpty()
                            ? "Similar-ticket index in {0}: new, filled from the database in the background"
                            : "Similar-ticket index in {0}: {1} tickets, compared with the database in the background",
                    new Object[] {dir, opened.size()});
            return opened;
        } catch (LockObtainFailedException e) {
            LOG.log(
                    Level.WARNING,
                    "The similar-ticket index in {0} is held by another process (two servers on one data directory?);"
                            + " this server keeps its own index in memory",
                    dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The similar-ticket index cannot be kept in {0} ({1}); this server keeps it in memory",
                    new Object[] {dir, e.toString()});
        }
        return SimilarityIndex.inMemory(analyzer);
    }

    /** Compares the index with the whole table: marks what is new or changed, removes what is gone. */
    private void reconcile() {
        try {
            Instant started = Instant.now();
            Set<Long> stale = new HashSet<>(indexed.keySet());
            int changed = 0;
            try (Connection c = database.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT id, version FROM ticket")) {
                s.setFetchSize(BATCH);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        stale.remove(id);
                        Long version = indexed.get(id);
                        if (version == null || version != rows.getLong(2)) {
                            marked.add(id);
                            changed++;
                        }
                    }
                }
            }
            marked.addAll(stale);
            sweptUpTo = started.minus(SWEEP_OVERLAP);
            int toRemove = stale.size();
            work();
            reconciled = true;
            commit();
            LOG.log(
                    Level.INFO,
                    "Similar-ticket index up to date: {0} tickets ({1} indexed, {2} removed in {3} ms)",
                    new Object[] {
                        indexed.size(),
                        changed,
                        toRemove,
                        Duration.between(started, Instant.now()).toMillis()
                    });
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The similar-ticket index could not be compared with the database ({0}); it tries again in "
                            + SWEEP_SECONDS + " s",
                    e.toString());
        }
    }

    /** Marks the rows changed since the last sweep whose version the index does not have; commits the index. */
    private void sweep() {
        if (index == null) {
            return;
        }
        if (!reconciled) {
            reconcile();
            return;
        }
        try {
            Instant started = Instant.now();
            Instant since = sweptUpTo;
            Instant newest = since;
            try (Connection c = database.getConnection();
                    PreparedStatement s =
                            c.prepareStatement("SELECT id, version, updated_at FROM ticket WHERE updated_at >= ?")) {
                s.setTimestamp(1, Timestamp.from(since));
                s.setFetchSize(BATCH);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        Long version = indexed.get(id);
                        if (version == null || version != rows.getLong(2)) {
                            marked.add(id);
                        }
                        Instant at = rows.getTimestamp(3).toInstant();
                        if (at.isAfter(newest)) {
                            newest = at;
                        }
                    }
                }
            }
            Instant floor = started.minus(SWEEP_OVERLAP);
            sweptUpTo = newest.minus(SWEEP_OVERLAP).isBefore(floor) ? newest.minus(SWEEP_OVERLAP) : floor;
            if (sweptUpTo.isBefore(since)) {
                sweptUpTo = since;
            }
            work();
            commit();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "The similar-ticket index could not look for changed tickets: {0}", e.toString());
        }
    }

    private void mark(long id) {
        marked.add(id);
        kick();
    }

    /** Starts a worker unless one is running. */
    private void kick() {
        if (!working.get()) {
            try {
                afterCommit.execute(this::work);
            } catch (RuntimeException e) {
                // shutting down: the next start compares the index with the database
            }
        }
    }

    /** Reads the marked tickets' rows and brings the index in line with them; one worker at a time. */
    private void work() {
        if (!working.compareAndSet(false, true)) {
            return; // the running worker takes what was marked
        }
        boolean failed = false;
        try {
            while (!marked.isEmpty() && index != null) {
                List<Long> batch = new ArrayList<>(BATCH);
                for (Iterator<Long> it = marked.iterator(); it.hasNext() && batch.size() < BATCH; ) {
                    batch.add(it.next());
                }
                // taken off before the rows are read, so that a change committed meanwhile marks the ticket again
                batch.forEach(marked::remove);
                try {
                    apply(batch);
                } catch (SQLException | RuntimeException e) {
                    marked.addAll(batch);
                    throw e;
                }
            }
        } catch (SQLException | RuntimeException e) {
            failed = true; // what is still marked waits for the next sweep
            LOG.log(
                    Level.WARNING,
                    "The similar-ticket index could not be updated ({0}); it tries again in " + SWEEP_SECONDS + " s",
                    e.toString());
        } finally {
            working.set(false);
        }
        if (!failed && !marked.isEmpty() && index != null) {
            kick(); // marked while this worker was finishing
        }
    }

    private void apply(List<Long> ids) throws SQLException {
        StringBuilder sql =
                new StringBuilder("SELECT id, version, language, subject, body, status FROM ticket WHERE id IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(')');
        Set<Long> missing = new HashSet<>(ids);
        synchronized (this) {
            SimilarityIndex current = index;
            if (current == null) {
                return;
            }
            try (Connection c = database.getConnection();
                    PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(i + 1, ids.get(i));
                }
                List<SimilarityIndex.Entry> entries = new ArrayList<>(ids.size());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        long version = rows.getLong(2);
                        missing.remove(id);
                        Long had = indexed.get(id);
                        if (had != null && had == version) {
                            continue;
                        }
                        entries.add(new SimilarityIndex.Entry(
                                id,
                                version,
                                rows.getString(3),
                                rows.getString(4) + "\n" + rows.getString(5),
                                TicketStatus.RESOLVED.name().equals(rows.getString(6))));
                    }
                }
                current.putAll(entries);
                entries.forEach(e -> indexed.put(e.id(), e.version()));
            }
            for (long id : missing) {
                current.remove(id);
                indexed.remove(id);
            }
        }
    }

    private synchronized void commit() {
        SimilarityIndex current = index;
        if (current != null) {
            current.commit();
        }
    }
}

package io.ticketrouter.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The database of this integration-test run, chosen by the system property {@code it.db} (the pom runs the suite
 * once with {@code h2} and once with {@code postgresql}). The PostgreSQL run uses its own schema in database
 * {@code test} at 127.0.0.1:5432, recreated empty for each test class and named after the checkout; without a reachable server it is skipped with
 * a message, except when {@code CI=true}, where that is a failure.
 */
final class Database {

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String PG_USER = "postgres";

    final String kind;
    private final String schema;

    private Database(String kind, String schema) {
        this.kind = kind;
        this.schema = schema;
    }

    static Database forThisRun(String testClass) {
        String kind = System.getProperty("it.db", "h2");
        if (!"postgresql".equals(kind)) {
            return new Database("h2", null);
        }
        // One schema per test class and per checkout, so that test runs in two clones on the same machine (CI next to
        // a developer's tree) never drop each other's tables.
        String checkout = Integer.toHexString(Path.of(System.getProperty("basedir", "."))
                .toAbsolutePath()
                .normalize()
                .toString()
                .hashCode());
        String schema = "tr_it_" + testClass.toLowerCase() + "_" + checkout;
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + PG_URL + " (" + e.getMessage()
                    + "): the PostgreSQL run of the integration tests is SKIPPED. Start it with "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
            System.out.println("[it] WARNING " + message);
            Assumptions.abort(message);
        }
        return new Database("postgresql", schema);
    }

    Map<String, String> serverProperties(Path dataDir) {
        Map<String, String> p = new LinkedHashMap<>();
        if ("postgresql".equals(kind)) {
            p.put("ticketrouter.db.class", "org.postgresql.ds.PGSimpleDataSource");
            p.put("ticketrouter.db.url", PG_URL + "?currentSchema=" + schema);
            p.put("ticketrouter.db.user", PG_USER);
            p.put("ticketrouter.db.password", "unused-with-trust-auth");
        } else {
            // the URL ./ticket-router serve gives the server (Installation.h2Url: WRITE_DELAY=0), so the durability
            // the crash tests check is the one a default installation has
            p.put(
                    "ticketrouter.db.url",
                    "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/db/tickets;WRITE_DELAY=0;" + "AUTO_SERVER=TRUE");
        }
        return p;
    }

    /**
     * PostgreSQL's durability settings as a session of the server's own database user sees them ({@code fsync},
     * {@code synchronous_commit}, {@code full_page_writes}): a crash test proves nothing on a server that
     * acknowledges commits before they are on disk.
     */
    Map<String, String> durabilitySettings() throws SQLException {
        if (!"postgresql".equals(kind)) {
            throw new IllegalStateException("only PostgreSQL has these settings");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, "");
                Statement s = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    /** Rows in the ticket table of this run's database, read directly (not through the API). */
    long countTickets(Path dataDir) throws SQLException {
        if (!"postgresql".equals(kind)) {
            return -1; // the H2 file is locked by the server while it runs
        }
        try (Connection c = DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + schema + ".ticket")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reference and body of every stored ticket, read directly from PostgreSQL (not through the API). */
    List<String[]> referencesAndBodies() throws SQLException {
        if (!"postgresql".equals(kind)) {
            throw new IllegalStateException("only the PostgreSQL run can read the database beside the server");
        }
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT reference, body FROM " + schema + ".ticket")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return rows;
    }

    /**
     * A connection to this run's database as the server sees it (H2: through the server's AUTO_SERVER port, so it
     * works while the server runs).
     */
    Connection connect(Path dataDir) throws SQLException {
        if ("postgresql".equals(kind)) {
            Connection c = DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, "");
            return c;
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/db/tickets;AUTO_SERVER=TRUE",
                "ticketrouter",
                "ticketrouter");
    }
}

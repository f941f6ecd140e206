package io.ticketrouter.cli;

import io.ticketrouter.infrastructure.persistence.schema.DatabaseSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The installation the commands work on: the repository ({@link #home()}), settings looked up like MicroProfile
 * Config does (system property, then environment variable), the data directory and the ticket database.
 */
final class Installation {

    private Installation() {}

    /** The repository: target/classes/../.. of this class, or -Dticketrouter.home, or the working directory. */
    static Path home() {
        String configured = System.getProperty("ticketrouter.home");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path classes = Path.of(Installation.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (classes.endsWith(Path.of("target", "classes"))) {
                return classes.getParent().getParent();
            }
        } catch (Exception e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    /** A MicroProfile-Config-like lookup: system property, then the environment variable (upper case, _). */
    static String setting(String key, String fallback) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            v = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The given data directory, else {@code ticketrouter.data.dir}, else var/ in the repository. */
    static Path dataDir(Path given) {
        Path dir = given != null
                ? given
                : Path.of(setting("ticketrouter.data.dir", home().resolve("var").toString()));
        return dir.toAbsolutePath().normalize();
    }

    /** The H2 URL the server uses by default (see microprofile-config.properties). */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db/tickets") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    /** The database URL configured for the server ({@code ticketrouter.db.url}), or null for the embedded H2 file. */
    static String configuredDatabaseUrl() {
        return setting("ticketrouter.db.url", null);
    }

    /** A connection to the ticket database at {@code url} with the configured user and password. */
    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(
                url,
                setting("ticketrouter.db.user", "ticketrouter"),
                setting("ticketrouter.db.password", "ticketrouter"));
    }

    /** Brings the schema of the ticket database at {@code url} to this release's version, as the server does. */
    static void migrateSchema(String url) throws DatabaseSchema.SchemaException {
        DatabaseSchema.migrate(
                url,
                setting("ticketrouter.db.user", "ticketrouter"),
                setting("ticketrouter.db.password", "ticketrouter"));
    }

    /** What went wrong with the database, in words an operator can act on. */
    static String explain(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.contains("already in use") || m.contains("locked by another process")) {
            return "the H2 file is held by a running server started without AUTO_SERVER=TRUE in its database URL; "
                    + "stop the server (Ctrl-C) and try again, or restart it with the default URL "
                    + "(which carries AUTO_SERVER=TRUE)";
        }
        if (m.contains("Table \"TICKET\" not found") || m.contains("relation \"ticket\" does not exist")) {
            return "no ticket table (has the server ever started on this database?)";
        }
        return CliFailure.oneLine(m);
    }

    /** The URL without its password. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}

package io.ticketrouter.infrastructure.persistence.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The ticket database's schema: versioned SQL migrations in {@code db/migration} (Flyway), for H2 and PostgreSQL,
 * applied by the server at start-up and by the commands that open the database, before anything else uses it. A
 * database written before the schema was versioned is taken as version 0 and completed by version 1. Members of a
 * cluster starting together migrate one after the other (Flyway locks the database while it migrates).
 */
public final class DatabaseSchema {

    /** Where the migrations are, on the class path. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private DatabaseSchema() {}

    /**
     * Brings the schema to the newest version.
     *
     * @return what was done, in one line, for the log
     * @throws SchemaException with a one-line reason when the database cannot be migrated
     */
    public static String migrate(DataSource dataSource) throws SchemaException {
        return migrate(Flyway.configure(DatabaseSchema.class.getClassLoader()).dataSource(dataSource));
    }

    /** The same, for a connection URL with its user and password (the command line). */
    public static String migrate(String url, String user, String password) throws SchemaException {
        return migrate(Flyway.configure(DatabaseSchema.class.getClassLoader()).dataSource(url, user, password));
    }

    private static String migrate(org.flywaydb.core.api.configuration.FluentConfiguration configuration)
            throws SchemaException {
        try {
            MigrateResult result = configuration
                    .locations(MIGRATIONS)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("tables written before the schema was versioned")
                    .load()
                    .migrate();
            String version =
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            return result.migrationsExecuted == 0
                    ? "Database schema at version " + version
                    : "Database schema migrated from version "
                            + (result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion) + " to "
                            + version + " (" + result.migrationsExecuted + " migration(s))";
        } catch (FlywayException e) {
            throw new SchemaException(
                    "the database schema could not be brought to this release's version: "
                            + String.valueOf(e.getMessage())
                                    .replaceAll("\\s+", " ")
                                    .strip(),
                    e);
        }
    }

    /** The schema could not be migrated; the message says why in one line. */
    public static final class SchemaException extends Exception {
        SchemaException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

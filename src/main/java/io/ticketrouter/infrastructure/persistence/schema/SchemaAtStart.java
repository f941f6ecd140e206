package io.ticketrouter.infrastructure.persistence.schema;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the database schema when the application starts, before every other start-up step (they run at the
 * default priority, and the first of them reads the users).
 */
@ApplicationScoped
public class SchemaAtStart {

    private static final Logger LOG = Logger.getLogger(SchemaAtStart.class.getName());

    /** Flyway says at INFO, in eight lines, what the one line below says; its warnings still show. */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    @Resource(lookup = "java:app/jdbc/tickets")
    DataSource dataSource;

    void migrate(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started) {
        FLYWAY.setLevel(Level.WARNING);
        try {
            LOG.info(DatabaseSchema.migrate(dataSource));
        } catch (DatabaseSchema.SchemaException e) {
            LOG.severe(e.getMessage());
            throw new IllegalStateException(e.getMessage());
        }
    }
}

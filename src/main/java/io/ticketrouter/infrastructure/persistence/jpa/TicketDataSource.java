package io.ticketrouter.infrastructure.persistence.jpa;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's data source, {@code java:app/jdbc/tickets}. Every attribute comes from MicroProfile Config at
 * deploy time (defaults in {@code META-INF/microprofile-config.properties}): by default an H2 file database under
 * {@code ticketrouter.data.dir} with {@code WRITE_DELAY=0}, so a committed ticket is written to the file before the
 * API answers (H2's default delay of 500 ms would lose the last half second on {@code kill -9}); PostgreSQL by setting
 * {@code ticketrouter.db.url}, {@code .class}, {@code .user} and {@code .password}.
 *
 * <p>Nothing credential-like is baked into the WAR beyond the embedded database's local default.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/tickets",
        className = "${MPCONFIG=ticketrouter.db.class}",
        url = "${MPCONFIG=ticketrouter.db.url}",
        user = "${MPCONFIG=ticketrouter.db.user}",
        password = "${MPCONFIG=ticketrouter.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2)
@ApplicationScoped
public class TicketDataSource {}

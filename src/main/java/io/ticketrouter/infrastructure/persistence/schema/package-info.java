/**
 * The ticket database's schema: versioned migrations ({@code src/main/resources/db/migration}), applied at start-up by
 * the server and by the command line. JPA only maps the tables; it never creates or changes them.
 */
package io.ticketrouter.infrastructure.persistence.schema;

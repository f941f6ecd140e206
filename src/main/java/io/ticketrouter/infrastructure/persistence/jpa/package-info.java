/**
 * Jakarta Persistence adapters: the ticket repository and the application's data source.
 *
 * <p>May depend on the domain model and on Jakarta EE / MicroProfile Config APIs. The data source is declared with a
 * standard {@code @DataSourceDefinition}; its attributes use Payara's {@code ${MPCONFIG=...}} substitution so the
 * database is chosen at deploy time (see the configuration reference in docs/operations.md). On Payara Server the keys come from system
 * properties and password aliases set by server-config/configure-payara.sh (checked by PayaraServerIT).
 */
package io.ticketrouter.infrastructure.persistence.jpa;

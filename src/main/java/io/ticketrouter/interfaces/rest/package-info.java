/**
 * The REST API under {@code /api} (JAX-RS + JSON-B, snake_case JSON): thin resources that turn requests into
 * validated values, call {@link io.ticketrouter.application.TicketService} and turn the answers and every error into
 * JSON or {@code application/problem+json}. OpenAPI annotations document every operation.
 *
 * <p>May depend on the application layer, the domain's value types (references, enums) and Jakarta EE /
 * MicroProfile APIs; never on persistence or classifier implementations.
 */
package io.ticketrouter.interfaces.rest;

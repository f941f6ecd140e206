/**
 * Push adapter for the agent dashboard: the {@code /ws/tickets} WebSocket endpoint.
 *
 * <p>It observes the application's asynchronous {@link io.ticketrouter.application.TicketChanged} CDI event and
 * forwards each change as JSON to every open dashboard. Each session has its own bounded send queue, so a slow or dead
 * client only ever fills its own queue and is dropped; it never delays the others. Dashboards catch up on anything
 * they missed through {@code GET /api/tickets?after=...} after reconnecting.
 *
 * <p>May depend on {@code io.ticketrouter.application} and the Jakarta WebSocket, CDI and JSON-B APIs; nothing in the
 * application or domain layers depends on this package.
 */
package io.ticketrouter.interfaces.websocket;

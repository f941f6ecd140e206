/**
 * Push adapter for the agent dashboard: the {@code /ws/tickets} WebSocket endpoint.
 *
 * <p>It observes the application's asynchronous {@link io.ticketrouter.application.TicketChanged} CDI event and
 * forwards each change as JSON to every open dashboard. Each session has its own bounded send queue, so a slow or dead
 * client only ever fills its own queue and is dropped; it never delays the others. Dashboards catch up on anything
 * they missed through {@code GET /api/tickets?after=...} after reconnecting.
 *
 * <p>In a cluster, every change is also handed (as the same JSON text) to the
 * {@link io.ticketrouter.application.ClusterTransport}, and changes made on other members arrive from it,
 * so a dashboard sees the changes of all members, each exactly once.
 *
 * <p>May depend on {@code io.ticketrouter.application} and the Jakarta WebSocket, CDI and JSON-B APIs; nothing in the
 * application or domain layers depends on this package. Uses the cluster transport through its port in the
 * application layer (never an implementation).
 */
package io.ticketrouter.interfaces.websocket;

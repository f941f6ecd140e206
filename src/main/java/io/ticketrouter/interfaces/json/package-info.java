/**
 * The JSON format of the interfaces: one shared JSON-B instance ({@link io.ticketrouter.interfaces.json.ApiJson})
 * for the REST API, the WebSocket feed and the webhook events
 * ({@link io.ticketrouter.interfaces.json.ApiTicketEventJson}).
 *
 * <p>Depends on JSON-B and the application's read models only.
 */
package io.ticketrouter.interfaces.json;

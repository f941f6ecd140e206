/**
 * The JSON format of the interfaces: one shared JSON-B instance ({@link io.ticketrouter.interfaces.json.ApiJson})
 * for the REST API and the WebSocket feed.
 *
 * <p>Depends on JSON-B only.
 */
package io.ticketrouter.interfaces.json;

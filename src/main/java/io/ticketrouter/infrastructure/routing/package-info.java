/**
 * Connects the application's routing port ({@link io.ticketrouter.application.RoutingPolicy}) to the plugin routing
 * engine ({@link io.ticketrouter.routing}), and tells the engine which queues the loaded model knows.
 *
 * <p>May depend on the application interfaces it implements, the routing engine, the classification contract and CDI.
 */
package io.ticketrouter.infrastructure.routing;

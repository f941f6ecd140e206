/**
 * Routing: what happens to a ticket after the model predicted its queue and priority.
 *
 * <p>{@link io.ticketrouter.routing.RoutingEngine} runs the routing rules and urgent-keyword lists of the
 * {@link io.ticketrouter.spi routing SPI}, found once at start-up (and on reload) on the application's class path and
 * in the plugin directory, each plugin jar in its own class loader that sees only the SPI
 * ({@link io.ticketrouter.routing.SpiOnlyClassLoader}). The loaded plugins form an immutable
 * {@link io.ticketrouter.routing.PluginSnapshot}; a reload swaps the snapshot atomically. The built-in rules
 * ({@link io.ticketrouter.routing.LowConfidenceRule}, {@link io.ticketrouter.routing.BuiltInUrgentKeywords}) use the
 * same SPI.
 *
 * <p>Depends on {@code io.ticketrouter.spi} and the classifier's {@code Prediction}; nothing here knows about HTTP or
 * persistence. {@link io.ticketrouter.routing.PluginRouting} is the CDI face of the engine.
 */
package io.ticketrouter.routing;

/**
 * The routing SPI of Ticket Router: the only API a plugin compiles against.
 *
 * <p>Three kinds of plugin, all found with {@link java.util.ServiceLoader} in a jar dropped into the server's plugin
 * directory:
 * <ul>
 *   <li>{@link io.ticketrouter.spi.RoutingRule} — sees one ticket and the model's prediction, may change the queue,
 *       the priority or the "needs review" flag, and must say why. Listed in
 *       {@code META-INF/services/io.ticketrouter.spi.RoutingRule}.</li>
 *   <li>{@link io.ticketrouter.spi.UrgentKeywordList} — words or phrases per language that make a ticket urgent
 *       (priority {@code high}). Listed in {@code META-INF/services/io.ticketrouter.spi.UrgentKeywordList}.</li>
 *   <li>{@link io.ticketrouter.spi.HelpdeskConnector} — takes tickets from a helpdesk's webhook and writes the routing
 *       back into the helpdesk (since 1.2). Listed in
 *       {@code META-INF/services/io.ticketrouter.spi.HelpdeskConnector}.</li>
 * </ul>
 *
 * <p>{@link io.ticketrouter.spi.AbstractRoutingRule} and {@link io.ticketrouter.spi.AbstractPlugin} (for a keyword
 * list) answer the name, API version, order and configuration keys given to their constructor: a plugin then writes
 * only what it does.
 *
 * <p>A plugin's class loader sees this package and the JDK, nothing else of the server: bundle (shade) any library
 * you need into your jar. The guide for plugin authors is {@code plugins/README.md} in the Ticket Router repository.
 *
 * <p>This package depends on {@code java.base} only.
 */
package io.ticketrouter.spi;

/**
 * Application services: the use cases of Ticket Router (predict, receive a ticket, list, correct, delete) and the
 * read models and events they publish ({@link io.ticketrouter.application.TicketView},
 * {@link io.ticketrouter.application.TicketChanged}).
 *
 * <p>May depend on the domain model and the classification contract ({@code io.ticketrouter.classification}); never
 * on REST, persistence or classifier implementations (those implement the interfaces declared here, such as
 * {@link io.ticketrouter.application.ClassifierRegistry}, {@link io.ticketrouter.application.RoutingPolicy},
 * {@link io.ticketrouter.application.RoutingPlugins} and {@link io.ticketrouter.application.ClusterTransport}).
 * {@code LayerRulesTest} checks these rules and those of the other package-info files.
 */
package io.ticketrouter.application;

/**
 * Application services: the use cases of Ticket Router (predict, receive a ticket, list, correct, delete) and the
 * read models and events they publish ({@link io.ticketrouter.application.TicketView},
 * {@link io.ticketrouter.application.TicketChanged}).
 *
 * <p>May depend on the domain model and the classification contract ({@code io.ticketrouter.classification}); never
 * on REST, persistence or classifier implementations (those implement the interfaces declared here, such as
 * {@link io.ticketrouter.application.ClassifierRegistry} and {@link io.ticketrouter.application.RoutingPolicy}).
 */
package io.ticketrouter.application;

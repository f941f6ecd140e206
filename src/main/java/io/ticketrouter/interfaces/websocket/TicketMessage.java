package io.ticketrouter.interfaces.websocket;

import io.ticketrouter.application.TicketView;

/**
 * What a dashboard receives for one ticket change: {@code {"type":"created|updated|deleted","reference":...,
 * "ticket":{...}}}, the ticket in the same snake_case JSON as the REST API.
 */
public record TicketMessage(String type, String reference, TicketView ticket) {}

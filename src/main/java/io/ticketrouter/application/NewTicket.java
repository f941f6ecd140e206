package io.ticketrouter.application;

/** A ticket as a customer submits it (validated by the interface layer: lengths, e-mail shape). */
public record NewTicket(String subject, String body, String customerName, String customerEmail) {}

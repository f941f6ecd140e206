package io.ticketrouter.application;

import java.time.Instant;

/** A user as administrators see it (never the password hash). */
public record AccountView(String username, String role, Instant createdAt, Instant updatedAt) {}

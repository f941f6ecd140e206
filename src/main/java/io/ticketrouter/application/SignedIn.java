package io.ticketrouter.application;

import java.time.Instant;

/** A new sign-in session: the token goes into the browser's cookie and nowhere else. */
public record SignedIn(Identity identity, String token, Instant expiresAt) {}

package io.ticketrouter.application;

/**
 * A user's password or role changed, or the user was removed: credentials and sessions of that user cached by this
 * instance must be forgotten now (other instances forget them when their caches expire).
 */
public record AccountChanged(String username) {
}

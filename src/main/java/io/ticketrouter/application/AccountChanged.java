package io.ticketrouter.application;

/**
 * A user's password or role changed, the user was removed, or one of their sessions ended (sign-out): credentials and
 * sessions of that user cached by this instance must be forgotten now (other instances forget them when their caches
 * expire), and the user's open dashboards on this instance are closed, to reconnect with what is still valid.
 *
 * <p>Observers act when the change has committed ({@code TransactionPhase.AFTER_SUCCESS}): a request that reads the
 * user's sessions before the commit still finds the old ones, and a cache evicted then would take them in again.
 */
public record AccountChanged(String username) {}

/**
 * The people who work tickets: {@link io.ticketrouter.domain.model.user.UserAccount} (name, role, PBKDF2 password
 * hash) and their sign-in sessions ({@link io.ticketrouter.domain.model.user.LoginSession}, stored as a digest of the
 * token only), in the same database as the tickets so every instance of a cluster sees the same users and sessions.
 */
package io.ticketrouter.domain.model.user;

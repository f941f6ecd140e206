/**
 * Security primitives shared by the server and the command line, free of any container API: password hashing
 * (PBKDF2), random tokens and their digests. The rules for user names and passwords and the roles belong to the user
 * accounts ({@code io.ticketrouter.domain.model.user}).
 *
 * <p>The server side (Jakarta Security mechanism, identity store, caches, first-start admin) lives in
 * {@code io.ticketrouter.interfaces.security}; the command line's {@code users} command uses these classes over
 * plain JDBC, so both write exactly the same password format.
 */
package io.ticketrouter.security;

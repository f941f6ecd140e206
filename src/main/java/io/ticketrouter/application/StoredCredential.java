package io.ticketrouter.application;

/**
 * A user as stored now, to re-check a password verified earlier without hashing it again.
 *
 * @param identity      the user with their current role
 * @param passwordStamp a digest of the stored password hash: it changes with every change of the password, and
 *                      tells nothing of the password
 */
public record StoredCredential(Identity identity, String passwordStamp) {}

package io.ticketrouter.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Users, passwords and sign-in sessions. Passwords are verified against their PBKDF2 hash here, and only here; the
 * security layer caches what it verified so that no request pays for a hash.
 */
public interface AccountService {

    /** The user's identity when the password is right; empty for an unknown user or a wrong password. */
    Optional<Identity> verify(String username, char[] password);

    /**
     * The user as stored now (identity and a stamp of the password hash), read without any hashing, so that a password
     * verified earlier can be re-checked cheaply: it still holds while the stamp is the one read before it was
     * verified. Empty for an unknown user.
     */
    Optional<StoredCredential> stored(String username);

    /** Verifies the password and opens a session that lasts {@code lifetime}; empty when the password is wrong. */
    Optional<SignedIn> signIn(String username, char[] password, Duration lifetime);

    /** The identity behind a session token's digest, if the session exists, has not expired and its user exists. */
    Optional<Identity> session(String tokenDigest);

    void signOut(String tokenDigest);

    List<AccountView> list();

    /** @throws InvalidInputException for a name or password the rules do not allow */
    AccountView add(String username, String password, String role);

    /** Changes the password and/or the role; a password change signs the user out everywhere. */
    AccountView change(String username, String password, String role);

    /**
     * A signed-in user changes their own password, proving the current one. Every session of the user ends, on every
     * instance, and a new one is opened for the caller. Empty when the current password is wrong.
     *
     * @throws InvalidInputException for a new password the rules do not allow, or one equal to the current
     */
    Optional<SignedIn> changeOwnPassword(
            String username, char[] currentPassword, String newPassword, Duration lifetime);

    /** Removes the user and their sessions; refuses to remove the last administrator. */
    void remove(String username);

    /**
     * Creates user {@code admin} with this password when there is no admin at all (the first start, or only agents
     * were added with the command line before); false otherwise.
     */
    boolean createFirstAdmin(String password);

    /**
     * At start-up: user names are unique without regard to case and Unicode compatibility forms, also in a
     * database written before that rule (their comparison forms are filled in). Returns
     * the names that clash with another user's (they keep working; rename one of them).
     */
    List<String> ensureUniqueUserNames();
}

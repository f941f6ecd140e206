package io.ticketrouter.domain.model.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and their sessions, in the ticket database. */
public interface UserRepository {

    Optional<UserAccount> find(String username);

    /** The user whose name is the same as this one without regard to case and Unicode compatibility forms. */
    Optional<UserAccount> findSameName(String username);

    /**
     * Fills in the comparison form of user names in rows written before it existed (the schema's unique index then
     * holds for them too). Returns the names that could not get theirs because another user already has the same
     * name in another case.
     */
    List<String> fillInNameKeys();

    List<UserAccount> all();

    long count();

    long countAdmins();

    void add(UserAccount user);

    void remove(UserAccount user);

    void addSession(LoginSession session);

    Optional<LoginSession> findSession(String tokenDigest);

    void removeSession(String tokenDigest);

    /** Signs the user out everywhere (password changed, user removed). */
    int removeSessions(String username);

    int removeExpiredSessions(Instant now);
}

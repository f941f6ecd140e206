package io.ticketrouter.domain.model.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and their sessions, in the ticket database. */
public interface UserRepository {

    Optional<UserAccount> find(String username);

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

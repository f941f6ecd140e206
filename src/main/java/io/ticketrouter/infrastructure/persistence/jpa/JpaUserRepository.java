package io.ticketrouter.infrastructure.persistence.jpa;

import io.ticketrouter.domain.model.user.AccountRules;
import io.ticketrouter.domain.model.user.LoginSession;
import io.ticketrouter.domain.model.user.Role;
import io.ticketrouter.domain.model.user.UserAccount;
import io.ticketrouter.domain.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and sessions in the relational database. Runs in the caller's JTA transaction. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "tickets")
    private EntityManager em;

    @Override
    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(em.find(UserAccount.class, username));
    }

    @Override
    public Optional<UserAccount> findSameName(String username) {
        String key = AccountRules.usernameKey(username);
        // compared in Java too: rows written before the key column existed have none until the start-up fills it in
        return all().stream()
                .filter(u ->
                        key.equals(u.usernameKey() != null ? u.usernameKey() : AccountRules.usernameKey(u.username())))
                .findFirst();
    }

    @Override
    public List<String> fillInNameKeys() {
        List<String> clashes = new java.util.ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<UserAccount> users = all();
        users.stream()
                .map(UserAccount::usernameKey)
                .filter(java.util.Objects::nonNull)
                .forEach(taken::add);
        for (UserAccount u : users) {
            if (u.usernameKey() == null) {
                if (taken.add(AccountRules.usernameKey(u.username()))) {
                    u.assignUsernameKey();
                } else {
                    clashes.add(u.username());
                }
            }
        }
        em.flush();
        return clashes;
    }

    @Override
    public List<UserAccount> all() {
        return em.createQuery("SELECT u FROM UserAccount u ORDER BY u.username", UserAccount.class)
                .getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
    }

    @Override
    public long countAdmins() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u WHERE u.role = :role", Long.class)
                .setParameter("role", Role.ADMIN.wireName())
                .getSingleResult();
    }

    @Override
    public void add(UserAccount user) {
        em.persist(user);
        em.flush();
    }

    @Override
    public void remove(UserAccount user) {
        em.remove(user);
    }

    @Override
    public void addSession(LoginSession session) {
        em.persist(session);
    }

    @Override
    public Optional<LoginSession> findSession(String tokenDigest) {
        return Optional.ofNullable(em.find(LoginSession.class, tokenDigest));
    }

    @Override
    public void removeSession(String tokenDigest) {
        em.createQuery("DELETE FROM LoginSession s WHERE s.tokenDigest = :d")
                .setParameter("d", tokenDigest)
                .executeUpdate();
    }

    @Override
    public int removeSessions(String username) {
        return em.createQuery("DELETE FROM LoginSession s WHERE s.username = :u")
                .setParameter("u", username)
                .executeUpdate();
    }

    @Override
    public int removeExpiredSessions(Instant now) {
        return em.createQuery("DELETE FROM LoginSession s WHERE s.expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}

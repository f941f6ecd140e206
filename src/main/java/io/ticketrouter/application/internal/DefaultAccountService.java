package io.ticketrouter.application.internal;

import io.ticketrouter.application.AccountChanged;
import io.ticketrouter.application.AccountException;
import io.ticketrouter.application.AccountService;
import io.ticketrouter.application.AccountView;
import io.ticketrouter.application.Identity;
import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.SignedIn;
import io.ticketrouter.application.StoredCredential;
import io.ticketrouter.domain.model.user.AccountRules;
import io.ticketrouter.domain.model.user.LoginSession;
import io.ticketrouter.domain.model.user.Role;
import io.ticketrouter.domain.model.user.UserAccount;
import io.ticketrouter.domain.model.user.UserRepository;
import io.ticketrouter.security.PasswordHasher;
import io.ticketrouter.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Users and sessions in the ticket database; every method is one transaction. */
@ApplicationScoped
@Transactional
public class DefaultAccountService implements AccountService {

    private static final Logger LOG = Logger.getLogger(DefaultAccountService.class.getName());
    /** Verified against when the user is unknown, so the answer time does not tell which names exist. */
    private static final String DUMMY_HASH = new PasswordHasher().hash("not a password".toCharArray());

    private final PasswordHasher hasher = new PasswordHasher();

    @Inject
    UserRepository users;

    @Inject
    Event<AccountChanged> changes;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Identity> verify(String username, char[] password) {
        Optional<UserAccount> user = username == null ? Optional.empty() : users.find(username);
        if (user.isEmpty()) {
            hasher.verify(password, DUMMY_HASH);
            return Optional.empty();
        }
        if (!hasher.verify(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new Identity(user.get().username(), user.get().role()));
    }

    @Override
    public Optional<StoredCredential> stored(String username) {
        return (username == null ? Optional.<UserAccount>empty() : users.find(username))
                .map(u -> new StoredCredential(
                        new Identity(u.username(), u.role()),
                        HexFormat.of().formatHex(Tokens.sha256(u.passwordHash().getBytes(StandardCharsets.UTF_8)))));
    }

    @Override
    public Optional<SignedIn> signIn(String username, char[] password, Duration lifetime) {
        Optional<Identity> identity = verify(username, password);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(openSession(identity.get(), lifetime));
    }

    private SignedIn openSession(Identity identity, Duration lifetime) {
        Instant now = Instant.now();
        users.removeExpiredSessions(now);
        String token = Tokens.sessionToken();
        Instant expires = now.plus(lifetime);
        users.addSession(new LoginSession(Tokens.digest(token), identity.username(), now, expires));
        return new SignedIn(identity, token, expires);
    }

    @Override
    public Optional<SignedIn> changeOwnPassword(
            String username, char[] currentPassword, String newPassword, Duration lifetime) {
        check("new_password", AccountRules.passwordProblem(newPassword));
        Optional<Identity> identity = verify(username, currentPassword);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        if (newPassword.equals(new String(currentPassword))) {
            throw new InvalidInputException("new_password", "the new password must differ from the current one");
        }
        UserAccount user = load(username);
        user.changePassword(hasher.hash(newPassword.toCharArray()), Instant.now());
        users.removeSessions(username);
        changes.fire(new AccountChanged(username));
        LOG.info(() -> "User " + username + " changed their own password (signed out everywhere)");
        return Optional.of(openSession(identity.get(), lifetime));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Identity> session(String tokenDigest) {
        Optional<LoginSession> session = users.findSession(tokenDigest);
        if (session.isEmpty() || session.get().expired(Instant.now())) {
            return Optional.empty();
        }
        return users.find(session.get().username()).map(u -> new Identity(u.username(), u.role()));
    }

    @Override
    public void signOut(String tokenDigest) {
        Optional<LoginSession> session = users.findSession(tokenDigest);
        users.removeSession(tokenDigest);
        // the user's open dashboards on this instance are closed and must reconnect with a session that still lives
        session.ifPresent(s -> changes.fire(new AccountChanged(s.username())));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountView> list() {
        return users.all().stream().map(DefaultAccountService::view).toList();
    }

    @Override
    public AccountView add(String username, String password, String role) {
        check("username", AccountRules.usernameProblem(username));
        check("password", AccountRules.passwordProblem(password));
        Role r = role(role == null ? "agent" : role);
        Optional<UserAccount> same = users.findSameName(username);
        if (same.isPresent()) {
            String existing = same.get().username();
            throw new AccountException(
                    AccountException.Kind.CONFLICT,
                    "user " + existing + " exists already"
                            + (existing.equals(username)
                                    ? ""
                                    : " (user names are the same without regard to case and "
                                            + "Unicode compatibility forms)")
                            + "; change it with PATCH /api/users/" + existing);
        }
        UserAccount user = new UserAccount(username, r, hasher.hash(password.toCharArray()), Instant.now());
        try {
            users.add(user);
        } catch (jakarta.persistence.PersistenceException e) {
            // the same name (in some case or form) was added by another request at the same moment: unique index
            throw new AccountException(
                    AccountException.Kind.CONFLICT,
                    "user " + username + " exists already "
                            + "(added at the same moment, in this or another case or Unicode form)");
        }
        LOG.info(() -> "User " + username + " added with role " + r.wireName());
        return view(user);
    }

    @Override
    public AccountView change(String username, String password, String role) {
        UserAccount user = load(username);
        if (password == null && role == null) {
            throw new InvalidInputException(null, "nothing to change: send password and/or role");
        }
        Instant now = Instant.now();
        if (role != null) {
            Role r = role(role);
            if (user.role() == Role.ADMIN && r != Role.ADMIN && users.countAdmins() <= 1) {
                throw new AccountException(
                        AccountException.Kind.CONFLICT, username + " is the last admin: make another user admin first");
            }
            user.changeRole(r, now);
        }
        if (password != null) {
            check("password", AccountRules.passwordProblem(password));
            user.changePassword(hasher.hash(password.toCharArray()), now);
            users.removeSessions(username);
        }
        changes.fire(new AccountChanged(username));
        LOG.info(
                () -> "User " + username + " changed" + (password != null ? " (password; signed out everywhere)" : ""));
        return view(user);
    }

    @Override
    public void remove(String username) {
        UserAccount user = load(username);
        if (user.role() == Role.ADMIN && users.countAdmins() <= 1) {
            throw new AccountException(
                    AccountException.Kind.CONFLICT,
                    username + " is the last admin and cannot be removed: make another user admin first");
        }
        users.removeSessions(username);
        users.remove(user);
        changes.fire(new AccountChanged(username));
        LOG.info(() -> "User " + username + " removed");
    }

    @Override
    public List<String> ensureUniqueUserNames() {
        return users.fillInNameKeys();
    }

    @Override
    public boolean createFirstAdmin(String password) {
        if (users.countAdmins() > 0) {
            return false;
        }
        if (users.find("admin").isPresent()) {
            LOG.severe("There is no admin, and user 'admin' exists with another role: make someone admin with "
                    + "./ticket-router users role NAME admin");
            return false;
        }
        users.add(new UserAccount("admin", Role.ADMIN, hasher.hash(password.toCharArray()), Instant.now()));
        return true;
    }

    private UserAccount load(String username) {
        return (username == null ? Optional.<UserAccount>empty() : users.find(username))
                .orElseThrow(() -> new AccountException(AccountException.Kind.NOT_FOUND, "no user " + username));
    }

    private static Role role(String role) {
        try {
            return Role.fromWire(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", e.getMessage());
        }
    }

    private static void check(String field, String problem) {
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
    }

    private static AccountView view(UserAccount u) {
        return new AccountView(u.username(), u.role().wireName(), u.createdAt(), u.updatedAt());
    }
}

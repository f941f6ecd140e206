package io.ticketrouter.interfaces.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ticketrouter.application.AccountChanged;
import io.ticketrouter.application.AccountService;
import io.ticketrouter.application.Identity;
import io.ticketrouter.application.StoredCredential;
import io.ticketrouter.security.Tokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What this instance verified recently, so that authentication costs a SHA-256 and a map look-up per request
 * instead of a PBKDF2 hash or a database query.
 *
 * <ul>
 *   <li>Basic credentials: keyed by a SHA-256 of name and password (the password itself is not kept); only valid
 *       credentials are cached, so a wrong password is checked every time (and rate-limited per address).</li>
 *   <li>Session tokens: keyed by the token's digest; unknown and expired tokens are cached as such, so random cookies
 *       do not reach the database.</li>
 * </ul>
 *
 * Entries are trusted for {@code ticketrouter.security.cache-seconds} (60 s). A password change, role change or
 * removal made through this instance forgets the user's entries at once ({@link AccountChanged}); one made on another
 * instance or with {@code ./ticket-router users} takes effect here when that time is up. Then a session is read from
 * the database again, and Basic credentials are re-checked against the account as stored: one database read, no
 * hash, while the stored password hash is still the one they were verified against (the role is read anew). So a
 * client using Basic credentials pays the PBKDF2 hash once, not once a minute with every request beside it waiting.
 */
@ApplicationScoped
public class CredentialCache {

    @Inject
    SecuritySettings settings;

    @Inject
    AccountService accounts;

    /** Basic credentials verified: who they are, the password stamp read before the check, and when. */
    private record Verified(Identity identity, String passwordStamp, long checkedAtNanos) {}

    private Cache<String, Verified> basic;
    private Cache<String, Optional<Identity>> sessions;

    @PostConstruct
    void init() {
        basic = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterAccess(UNUSED_BASIC)
                .build();
        sessions = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(settings.cacheLifetime())
                .build();
    }

    /**
     * The identity for Basic credentials: cached, or verified by {@code check} (which may throw, for example when
     * the address is over its limit of password checks). Concurrent first uses of the same credentials run one check.
     */
    public Optional<Identity> basic(String username, String password, Supplier<Optional<Identity>> check) {
        String key = HexFormat.of()
                .formatHex(Tokens.sha256((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8)));
        Verified cached = basic.getIfPresent(key);
        if (cached != null) {
            if (System.nanoTime() - cached.checkedAtNanos()
                    < settings.cacheLifetime().toNanos()) {
                return Optional.of(cached.identity());
            }
            Optional<StoredCredential> now = accounts.stored(username);
            if (now.isPresent() && now.get().passwordStamp().equals(cached.passwordStamp())) {
                Verified renewed = new Verified(now.get().identity(), cached.passwordStamp(), System.nanoTime());
                // only over the entry read: one an account change removed meanwhile stays removed
                if (basic.asMap().replace(key, cached, renewed)) {
                    return Optional.of(renewed.identity());
                }
            } else {
                basic.asMap().remove(key, cached);
            }
        }
        Verified verified = basic.get(key, k -> {
            // the stamp is read before the check: a password changed in between shows at the next re-check
            Optional<StoredCredential> before = accounts.stored(username);
            Optional<Identity> identity = check.get();
            return identity.isPresent() && before.isPresent()
                    ? new Verified(identity.get(), before.get().passwordStamp(), System.nanoTime())
                    : null;
        });
        return Optional.ofNullable(verified).map(Verified::identity);
    }

    /** How long Basic credentials nobody uses are kept (they are re-checked after the cache lifetime anyway). */
    private static final Duration UNUSED_BASIC = Duration.ofMinutes(30);

    /** The identity behind a session token (cookie or Bearer), if the session is valid. */
    public Optional<Identity> session(String token) {
        return sessions.get(Tokens.digest(token), accounts::session);
    }

    /** A session ended on this instance. */
    public void forgetSession(String token) {
        sessions.invalidate(Tokens.digest(token));
    }

    void onAccountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
        basic.asMap().values().removeIf(v -> v.identity().username().equals(change.username()));
        sessions.asMap()
                .values()
                .removeIf(i -> i.isPresent() && i.get().username().equals(change.username()));
    }
}

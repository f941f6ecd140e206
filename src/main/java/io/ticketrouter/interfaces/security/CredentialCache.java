package io.ticketrouter.interfaces.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ticketrouter.application.AccountChanged;
import io.ticketrouter.application.AccountService;
import io.ticketrouter.application.Identity;
import io.ticketrouter.security.Tokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
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
 * Entries live for {@code ticketrouter.security.cache-seconds} (60 s). A password change, role change or removal
 * made through this instance forgets the user's entries at once ({@link AccountChanged}); one made on another
 * instance or with {@code ./ticket-router users} takes effect here when the entries expire.
 */
@ApplicationScoped
public class CredentialCache {

    @Inject
    SecuritySettings settings;

    @Inject
    AccountService accounts;

    private Cache<String, Identity> basic;
    private Cache<String, Optional<Identity>> sessions;

    @PostConstruct
    void init() {
        basic = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(settings.cacheLifetime())
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
        return Optional.ofNullable(basic.get(key, k -> check.get().orElse(null)));
    }

    /** The identity behind a session token (cookie or Bearer), if the session is valid. */
    public Optional<Identity> session(String token) {
        return sessions.get(Tokens.digest(token), accounts::session);
    }

    /** A session ended on this instance. */
    public void forgetSession(String token) {
        sessions.invalidate(Tokens.digest(token));
    }

    void onAccountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
        basic.asMap().values().removeIf(i -> i.username().equals(change.username()));
        sessions.asMap()
                .values()
                .removeIf(i -> i.isPresent() && i.get().username().equals(change.username()));
    }
}

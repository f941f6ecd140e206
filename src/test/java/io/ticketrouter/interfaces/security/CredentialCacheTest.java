package io.ticketrouter.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrouter.application.AccountService;
import io.ticketrouter.application.Identity;
import io.ticketrouter.application.StoredCredential;
import io.ticketrouter.domain.model.user.Role;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Basic credentials are hashed once; when the cache lifetime is up they are re-checked against the account as stored
 * (no hash while the stored password hash is unchanged), and a password changed or a user removed elsewhere ends them.
 */
class CredentialCacheTest {

    /** The account as the database holds it now; null: no such user. */
    private final AtomicReference<StoredCredential> stored =
            new AtomicReference<>(new StoredCredential(new Identity("maria", Role.AGENT), "stamp-1"));

    /** Password hashes computed (the expensive check). */
    private final AtomicInteger hashes = new AtomicInteger();

    private final Supplier<Optional<Identity>> check = () -> {
        hashes.incrementAndGet();
        return Optional.ofNullable(stored.get()).map(StoredCredential::identity);
    };

    private CredentialCache cache;

    @BeforeEach
    void setUp() {
        SecuritySettings settings = new SecuritySettings();
        settings.cacheSeconds = 1;
        cache = new CredentialCache();
        cache.settings = settings;
        cache.accounts = (AccountService) Proxy.newProxyInstance(
                AccountService.class.getClassLoader(), new Class<?>[] {AccountService.class}, (p, method, args) -> {
                    if (method.getName().equals("stored")) {
                        return Optional.ofNullable(stored.get());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        cache.init();
    }

    @Test
    void credentialsAreHashedOnceAndReCheckedWithoutAHashWhileThePasswordIsUnchanged() throws Exception {
        assertThat(cache.basic("maria", "secret", check)).map(Identity::role).contains(Role.AGENT);
        assertThat(cache.basic("maria", "secret", check)).isPresent();
        assertThat(hashes).as("within the lifetime: no second hash").hasValue(1);

        stored.set(new StoredCredential(new Identity("maria", Role.ADMIN), "stamp-1")); // promoted elsewhere
        Thread.sleep(1_100);

        assertThat(cache.basic("maria", "secret", check))
                .as("after the lifetime the role is read again")
                .map(Identity::role)
                .contains(Role.ADMIN);
        assertThat(hashes).as("the re-check hashes nothing").hasValue(1);
    }

    @Test
    void aPasswordChangedOrAUserRemovedElsewhereEndsTheCachedCredentialsAfterTheLifetime() throws Exception {
        cache.basic("maria", "secret", check);
        stored.set(new StoredCredential(new Identity("maria", Role.AGENT), "stamp-2")); // new password elsewhere
        assertThat(cache.basic("maria", "secret", check))
                .as("still trusted within the lifetime")
                .isPresent();
        Thread.sleep(1_100);

        Supplier<Optional<Identity>> wrongNow = () -> {
            hashes.incrementAndGet();
            return Optional.empty(); // the old password no longer matches
        };
        assertThat(cache.basic("maria", "secret", wrongNow))
                .as("the old password is refused")
                .isEmpty();
        assertThat(hashes)
                .as("a changed stamp means the password is checked again")
                .hasValue(2);

        cache.basic("maria", "new-secret", check);
        stored.set(null); // removed elsewhere
        Thread.sleep(1_100);
        assertThat(cache.basic("maria", "new-secret", check))
                .as("a removed user is refused")
                .isEmpty();
    }
}

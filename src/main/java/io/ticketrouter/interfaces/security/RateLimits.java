package io.ticketrouter.interfaces.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Per-client-address limits, as token buckets that refill evenly over a minute (Bucket4j): a client may send a
 * burst of the whole minute's allowance, then one more every 60/N seconds. Buckets of addresses idle for ten
 * minutes are dropped, so memory stays bounded. Counters are per instance: behind a load balancer over K instances
 * a client gets up to K times the allowance.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    SecuritySettings settings;

    private Cache<String, Bucket> tickets;
    private Cache<String, Bucket> passwordChecks;
    private Cache<String, Bucket> anonymous;

    @PostConstruct
    void init() {
        tickets = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
        passwordChecks = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
        anonymous = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** Empty when the address may submit a ticket now, else the seconds until it may. */
    public OptionalLong ticket(String address) {
        return take(tickets, address, settings.ticketsPerMinute());
    }

    /** Empty when the address may have a password checked now, else the seconds until it may. */
    public OptionalLong passwordCheck(String address) {
        return take(passwordChecks, address, settings.signInsPerMinute());
    }

    /** Empty when the address may send a request without credentials now, else the seconds until it may. */
    public OptionalLong anonymousRequest(String address) {
        return take(anonymous, address, settings.anonymousRequestsPerMinute());
    }

    public int ticketsPerMinute() {
        return settings.ticketsPerMinute();
    }

    private static OptionalLong take(Cache<String, Bucket> buckets, String address, int perMinute) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        Bucket bucket = buckets.get(
                address == null ? "" : address,
                a -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        return OptionalLong.of(Math.max(1, seconds));
    }
}

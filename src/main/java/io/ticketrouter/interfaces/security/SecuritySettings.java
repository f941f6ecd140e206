package io.ticketrouter.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The security settings (MicroProfile Config; defaults in {@code META-INF/microprofile-config.properties}). */
@ApplicationScoped
public class SecuritySettings {

    @Inject
    @ConfigProperty(name = "ticketrouter.session.hours", defaultValue = "12")
    int sessionHours;

    @Inject
    @ConfigProperty(name = "ticketrouter.security.cache-seconds", defaultValue = "60")
    int cacheSeconds;

    @Inject
    @ConfigProperty(name = "ticketrouter.ratelimit.tickets-per-minute", defaultValue = "20")
    int ticketsPerMinute;

    @Inject
    @ConfigProperty(name = "ticketrouter.ratelimit.sign-ins-per-minute", defaultValue = "10")
    int signInsPerMinute;

    @Inject
    @ConfigProperty(name = "ticketrouter.ratelimit.anonymous-per-minute", defaultValue = "600")
    int anonymousPerMinute;

    @Inject
    @ConfigProperty(name = "ticketrouter.metrics.users")
    Optional<String> metricsUsers;

    @Inject
    @ConfigProperty(name = "ticketrouter.cors.allowed-origins")
    Optional<String> allowedOrigins;

    @Inject
    @ConfigProperty(name = "ticketrouter.data.dir", defaultValue = "./var")
    String dataDir;

    @Inject
    @ConfigProperty(name = "ticketrouter.admin.initial-password")
    Optional<String> initialAdminPassword;

    public Duration sessionLifetime() {
        return Duration.ofHours(Math.max(1, sessionHours));
    }

    public Duration cacheLifetime() {
        return Duration.ofSeconds(Math.max(1, cacheSeconds));
    }

    /** 0 or less: no limit. */
    public int ticketsPerMinute() {
        return ticketsPerMinute;
    }

    /** Password checks (sign-ins, first use of Basic credentials) per client address and minute; 0: no limit. */
    public int signInsPerMinute() {
        return signInsPerMinute;
    }

    /** Requests without credentials per client address and minute, pages and scripts included; 0: no limit. */
    public int anonymousRequestsPerMinute() {
        return anonymousPerMinute;
    }

    /** Users (besides admins) who may read {@code /metrics}: a scraper's account; none by default. */
    public java.util.Set<String> metricsUsers() {
        return java.util.Arrays.stream(metricsUsers.orElse("").split(","))
                .map(String::strip)
                .filter(u -> !u.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Origins (scheme://host[:port], lower case, no trailing slash) whose pages may call the API; empty default. */
    public List<String> allowedOrigins() {
        return java.util.Arrays.stream(allowedOrigins.orElse("").split(","))
                .map(SecuritySettings::normalizeOrigin)
                .filter(o -> !o.isEmpty())
                .toList();
    }

    public String dataDir() {
        return dataDir;
    }

    /** The first admin's password from {@code TICKET_ROUTER_ADMIN_PASSWORD} or the config key, if set. */
    public Optional<String> initialAdminPassword() {
        String env = System.getenv("TICKET_ROUTER_ADMIN_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return Optional.of(env);
        }
        return initialAdminPassword.filter(p -> !p.isEmpty());
    }

    static String normalizeOrigin(String origin) {
        if (origin == null) {
            return "";
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        try {
            URI uri = URI.create(o);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
        } catch (IllegalArgumentException e) {
            return "";
        }
        return o;
    }
}

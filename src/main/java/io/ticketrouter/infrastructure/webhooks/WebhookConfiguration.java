package io.ticketrouter.infrastructure.webhooks;

import io.ticketrouter.application.WebhookSettings;
import io.ticketrouter.domain.model.outbox.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code ticketrouter.webhooks.*} (MicroProfile Config: system properties, {@code TICKETROUTER_WEBHOOKS_URL}
 * style environment variables, a Payara password alias for the secret) into the {@link WebhookSettings}. A URL that
 * is not an absolute http(s) URL, or a missing or short secret, is a problem the log, the readiness check and the
 * admin view name; the valid receivers still get their events recorded, so nothing is lost while it is fixed.
 */
@ApplicationScoped
public class WebhookConfiguration {

    /** Shortest secret accepted: 16 characters (128 bits of a random hex or base64 string). */
    static final int SECRET_MIN = 16;

    static final int URL_MAX = 2000;

    @Inject
    @ConfigProperty(name = "ticketrouter.webhooks.url")
    Optional<String> urls;

    @Inject
    @ConfigProperty(name = "ticketrouter.webhooks.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "ticketrouter.webhooks.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "ticketrouter.webhooks.retry.first-seconds", defaultValue = "10")
    int firstRetrySeconds;

    @Inject
    @ConfigProperty(name = "ticketrouter.webhooks.retry.longest-seconds", defaultValue = "3600")
    int longestRetrySeconds;

    @Inject
    @ConfigProperty(name = "ticketrouter.webhooks.retry.give-up-seconds", defaultValue = "86400")
    long giveUpSeconds;

    @Inject
    @ConfigProperty(name = "ticketrouter.webhooks.parallel", defaultValue = "4")
    int parallel;

    @Inject
    @ConfigProperty(name = "ticketrouter.webhooks.keep-delivered-hours", defaultValue = "168")
    int keepDeliveredHours;

    private WebhookSettings settings;

    @Produces
    WebhookSettings settings() {
        if (settings == null) {
            settings = read(
                    urls.orElse(""),
                    secret.orElse(null),
                    timeoutSeconds,
                    firstRetrySeconds,
                    longestRetrySeconds,
                    giveUpSeconds,
                    parallel,
                    keepDeliveredHours);
        }
        return settings;
    }

    static WebhookSettings read(
            String urls,
            String secret,
            int timeoutSeconds,
            int firstRetrySeconds,
            int longestRetrySeconds,
            long giveUpSeconds,
            int parallel,
            int keepDeliveredHours) {
        List<String> problems = new ArrayList<>();
        Set<String> receivers = new LinkedHashSet<>();
        for (String raw : urls.split(",")) {
            String url = raw.strip();
            if (url.isEmpty()) {
                continue;
            }
            String why = invalid(url);
            if (why == null) {
                receivers.add(url);
            } else {
                problems.add("ticketrouter.webhooks.url: \"" + WebhookSettings.shown(url) + "\" " + why
                        + "; it gets no events until it is corrected");
            }
        }
        String key = secret == null || secret.isBlank() ? null : secret;
        if (!receivers.isEmpty() && key == null) {
            problems.add("ticketrouter.webhooks.secret is not set: events are kept but not sent until it is"
                    + " (at least " + SECRET_MIN + " characters)");
        } else if (key != null && key.length() < SECRET_MIN) {
            problems.add("ticketrouter.webhooks.secret has " + key.length() + " characters, at least " + SECRET_MIN
                    + " are needed: events are kept but not sent until it is longer");
            key = null;
        }
        int first = Math.max(1, firstRetrySeconds);
        RetrySchedule retry = new RetrySchedule(
                Duration.ofSeconds(first),
                Duration.ofSeconds(Math.max(first, longestRetrySeconds)),
                Duration.ofSeconds(Math.max(0, giveUpSeconds)));
        return new WebhookSettings(
                List.copyOf(receivers),
                key,
                Duration.ofSeconds(Math.max(1, timeoutSeconds)),
                retry,
                Math.max(1, Math.min(64, parallel)),
                Duration.ofHours(Math.max(1, keepDeliveredHours)),
                problems);
    }

    /** Why a receiver URL is refused, or null when it is a good one. */
    static String invalid(String url) {
        if (url.length() > URL_MAX) {
            return "is longer than " + URL_MAX + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must start with http:// or https://";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "names no host";
        }
        if (uri.getFragment() != null) {
            return "must not have a #fragment";
        }
        return null;
    }
}

package io.ticketrouter.connectors.zammad;

import io.ticketrouter.spi.AbstractPlugin;
import io.ticketrouter.spi.HelpdeskCall;
import io.ticketrouter.spi.HelpdeskConnector;
import io.ticketrouter.spi.Incoming;
import io.ticketrouter.spi.IncomingCall;
import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutedTicket;
import io.ticketrouter.spi.RoutingApi;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Zammad (https://zammad.org): a trigger "ticket created" with a webhook action calls Ticket Router with Zammad's
 * default payload, signed with the webhook's HMAC SHA1 signature token ({@code X-Hub-Signature: sha1=...}); Ticket
 * Router classifies and routes the ticket, and this connector writes back through Zammad's REST API v1 with an access
 * token: the group and priority (mapped from Ticket Router's department and priority), a tag when the model was
 * unsure or the ticket is urgent, and an internal note with the department, priority, confidences, the words that
 * drove the decision and the rules that fired. Set up step by step in {@code plugins/README.md}.
 *
 * <p>Configuration ({@code ticketrouter.plugin.zammad.<key>} or {@code zammad.<key>} in {@code plugins.properties}):
 * {@code url} (Zammad's address), {@code token} (an access token with the ticket.agent permission), {@code secret}
 * (the webhook's HMAC SHA1 signature token), {@code groups} (department=group pairs separated by {@code ;}),
 * {@code priorities} (default {@code high=3 high;medium=2 normal;low=1 low}), {@code review-tag} (default
 * {@code tr-needs-review}), {@code urgent-tag} (default {@code tr-urgent}) and {@code note} ({@code true}).
 */
public final class ZammadConnector extends AbstractPlugin implements HelpdeskConnector {

    static final String NAME = "zammad";
    static final String DEFAULT_PRIORITIES = "high=3 high;medium=2 normal;low=1 low";

    private volatile Settings settings;

    public ZammadConnector() {
        super(
                NAME,
                RoutingApi.VERSION,
                Set.of("url", "token", "secret", "groups", "priorities", "review-tag", "urgent-tag", "note"));
    }

    /** What {@link #configure} read: immutable, used by every thread. */
    record Settings(
            URI url,
            String token,
            String secret,
            Map<String, String> groups,
            Map<String, String> priorities,
            String reviewTag,
            String urgentTag,
            boolean note) {}

    @Override
    public void configure(PluginContext context) {
        String url = required(context, "url", "Zammad's address, for example https://zammad.example.com");
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a URL: " + url);
        }
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("url must be Zammad's http(s) address, got " + url);
        }
        String token = required(context, "token", "an access token of a Zammad agent (Profile > Token Access)");
        String secret =
                required(context, "secret", "the webhook's HMAC SHA1 signature token (Manage > Webhook in Zammad)");
        if (secret.length() < 16) {
            throw new IllegalArgumentException("secret must have at least 16 characters, it has " + secret.length());
        }
        Map<String, String> groups = pairs(context.get("groups", ""), "groups", context.queues(), "queues");
        Map<String, String> priorities =
                pairs(context.get("priorities", DEFAULT_PRIORITIES), "priorities", context.priorities(), "priorities");
        boolean note = switch (context.get("note", "true").toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("note must be true or false");
        };
        settings = new Settings(
                base,
                token,
                secret,
                groups,
                priorities,
                context.get("review-tag", "tr-needs-review"),
                context.get("urgent-tag", "tr-urgent"),
                note);
    }

    @Override
    public Incoming receive(IncomingCall call) {
        Settings s = current();
        String signature = call.header("X-Hub-Signature").orElse(null);
        if (signature == null) {
            return Incoming.refused("no X-Hub-Signature header: set the webhook's HMAC SHA1 signature token in Zammad");
        }
        if (!ZammadSignature.matches(s.secret(), call.body(), signature)) {
            return Incoming.refused("X-Hub-Signature does not match the body and the configured secret");
        }
        return ZammadPayload.read(call.text(), s.url());
    }

    @Override
    public List<HelpdeskCall> writeBack(RoutedTicket ticket) {
        return ZammadWriteBack.calls(current(), ticket);
    }

    private Settings current() {
        Settings s = settings;
        if (s == null) {
            throw new IllegalStateException("the Zammad connector is not configured");
        }
        return s;
    }

    private static String required(PluginContext context, String key, String what) {
        return context.get(key)
                .orElseThrow(() -> new IllegalArgumentException(
                        key + " is not set: " + what + " (ticketrouter.plugin.zammad." + key + ")"));
    }

    /**
     * {@code a=b;c=d} into a map; every key must be one of {@code known}, else the error names them. Values are
     * Zammad's names (a group, a priority such as {@code 3 high}).
     */
    static Map<String, String> pairs(String value, String key, Set<String> known, String knownName) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : value.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(
                        key + ": \"" + pair.strip() + "\" is not of the form label=Zammad name (pairs separated by ;)");
            }
            String ours = pair.substring(0, eq).strip();
            String theirs = pair.substring(eq + 1).strip();
            String match = known.stream()
                    .filter(k -> k.equalsIgnoreCase(ours))
                    .findFirst()
                    .orElse(known.isEmpty() ? ours : null);
            if (match == null) {
                throw new IllegalArgumentException(key + ": \"" + ours + "\" is not one of the model's " + knownName
                        + ": " + String.join(", ", new java.util.TreeSet<>(known)));
            }
            map.put(match, theirs);
        }
        return Map.copyOf(map);
    }
}

package io.ticketrouter.examples.routing;

import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import io.ticketrouter.spi.RoutingRule;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tickets sent from a VIP customer's domain get a higher priority.
 *
 * <p>Configuration: {@code domains} (comma-separated, required for the rule to ever fire; subdomains match too),
 * {@code priority} (default {@code high}).
 */
public final class VipSenderRule implements RoutingRule {

    private Set<String> domains = Set.of();
    private String priority = "high";

    @Override
    public String name() {
        return "vip-senders";
    }

    @Override
    public String apiVersion() {
        return RoutingApi.VERSION;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Set<String> configurationKeys() {
        return Set.of("domains", "priority");
    }

    @Override
    public void configure(PluginContext context) {
        domains = context.getList("domains").stream()
                .map(domain -> domain.toLowerCase(Locale.ROOT).replaceFirst("^@", ""))
                .collect(Collectors.toUnmodifiableSet());
        priority = context.get("priority", "high");
        if (!context.priorities().isEmpty() && !context.priorities().contains(priority)) {
            throw new IllegalArgumentException(
                    "priority must be one of " + context.priorities() + ", got '" + priority + "'");
        }
    }

    @Override
    public RoutingChange apply(RoutingRequest request) {
        return request.ticket().senderDomain()
                .filter(this::isVip)
                .filter(domain -> !priority.equals(request.priority()))
                .map(domain -> RoutingChange.because("sender domain " + domain + " is a VIP customer")
                        .priority(priority))
                .orElse(RoutingChange.NONE);
    }

    private boolean isVip(String domain) {
        return domains.stream().anyMatch(vip -> domain.equals(vip) || domain.endsWith("." + vip));
    }
}

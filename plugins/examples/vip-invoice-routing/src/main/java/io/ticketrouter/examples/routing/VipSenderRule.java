package io.ticketrouter.examples.routing;

import io.ticketrouter.spi.AbstractRoutingRule;
import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tickets sent from a VIP customer's domain get a higher priority.
 *
 * <p>Configuration: {@code domains} (comma-separated, required for the rule to ever fire; subdomains match too; a
 * leading {@code @} is allowed; an entry that could never match a sender's domain, such as an address or
 * {@code *.bigcorp.com}, is refused), {@code priority} (default {@code high}).
 */
public final class VipSenderRule extends AbstractRoutingRule {

    /** Two or more dot-separated labels of letters, digits and inner hyphens. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

    private Set<String> domains = Set.of();
    private String priority = "high";

    public VipSenderRule() {
        super("vip-senders", RoutingApi.VERSION, 200, Set.of("domains", "priority"));
    }

    @Override
    public void configure(PluginContext context) {
        domains =
                context.getList("domains").stream().map(VipSenderRule::domain).collect(Collectors.toUnmodifiableSet());
        priority = context.get("priority", "high");
        if (!context.priorities().isEmpty() && !context.priorities().contains(priority)) {
            throw new IllegalArgumentException(
                    "priority must be one of " + context.priorities() + ", got '" + priority + "'");
        }
    }

    @Override
    public RoutingChange apply(RoutingRequest request) {
        return request.ticket()
                .senderDomain()
                .filter(this::isVip)
                .filter(domain -> !priority.equals(request.priority()))
                .map(domain -> RoutingChange.because("sender domain " + domain + " is a VIP customer")
                        .priority(priority))
                .orElse(RoutingChange.NONE);
    }

    private static String domain(String configured) {
        String domain = configured.toLowerCase(Locale.ROOT).replaceFirst("^@", "");
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("domains must list sender domains such as bigcorp.com (subdomains "
                    + "match too), got '" + configured + "'");
        }
        return domain;
    }

    private boolean isVip(String domain) {
        return domains.stream().anyMatch(vip -> domain.equals(vip) || domain.endsWith("." + vip));
    }
}

package io.ticketrouter.examples.routing;

import io.ticketrouter.spi.ModelPrediction;
import io.ticketrouter.spi.Plugin;
import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutingRequest;
import io.ticketrouter.spi.Ticket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tickets, routing requests and plugin configurations built with the SPI's own types, as the server hands them to a
 * plugin.
 */
final class Requests {

    static final Set<String> QUEUES = Set.of(
            "Technical Support",
            "Billing and Payments",
            "Customer Service",
            "Product Support",
            "IT Support",
            "Returns and Exchanges",
            "Sales and Pre-Sales",
            "Human Resources",
            "Service Outages and Maintenance",
            "General Inquiry");
    static final Set<String> PRIORITIES = Set.of("high", "medium", "low");

    private Requests() {}

    /** A ticket as the rules see it first: the model said {@code queue} and {@code priority}, nobody asked for review. */
    static RoutingRequest request(Ticket ticket, String queue, String priority) {
        return request(ticket, queue, priority, false);
    }

    /** A ticket after earlier rules left the decision at {@code queue}, {@code priority} and {@code needsReview}. */
    static RoutingRequest request(Ticket ticket, String queue, String priority, boolean needsReview) {
        ModelPrediction prediction = new ModelPrediction(
                queue, 0.8, priority, 0.6, Map.of(queue, 0.8), Map.of(priority, 0.6), 0.5, List.of());
        return new RoutingRequest(ticket, prediction, queue, priority, needsReview, QUEUES, PRIORITIES);
    }

    static Ticket ticket(String language, String subject, String body) {
        return new Ticket(subject, body, language, null);
    }

    static Ticket from(String sender, String body) {
        return new Ticket("Hello", body, "en", sender);
    }

    /** The plugin after {@code configure} with the given values for its declared keys. */
    static <P extends Plugin> P configured(P plugin, Map<String, String> values) {
        plugin.configure(context(plugin.configurationKeys(), values));
        return plugin;
    }

    /** The configuration an operator set, with the model's labels; like the server, only declared keys can be read. */
    static PluginContext context(Set<String> declared, Map<String, String> values) {
        return context(declared, values, QUEUES, PRIORITIES);
    }

    static PluginContext context(
            Set<String> declared, Map<String, String> values, Set<String> queues, Set<String> priorities) {
        return new PluginContext() {
            @Override
            public String pluginName() {
                return "under-test";
            }

            @Override
            public Optional<String> get(String key) {
                if (!declared.contains(key)) {
                    throw new IllegalArgumentException("configuration key '" + key
                            + "' is not declared; declared keys: " + new TreeSet<>(declared));
                }
                return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
            }

            @Override
            public Set<String> queues() {
                return queues;
            }

            @Override
            public Set<String> priorities() {
                return priorities;
            }
        };
    }
}

package io.ticketrouter.examples.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.RoutingRule;
import io.ticketrouter.spi.UrgentKeywordList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server finds plugins with ServiceLoader: the service file must name both rules, and only them; each rule has
 * its name, order and configuration keys, and an API version this SPI accepts.
 */
class RegistrationTest {

    @Test
    void serviceLoaderFindsBothRules() {
        List<RoutingRule> rules = ServiceLoader.load(
                        RoutingRule.class, getClass().getClassLoader())
                .stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        assertEquals(
                Set.of(InvoiceRule.class, VipSenderRule.class),
                rules.stream().map(Object::getClass).collect(Collectors.toSet()));
        assertEquals(2, rules.size(), "each class listed once");
        for (RoutingRule rule : rules) {
            assertTrue(rule.name().matches("[a-z0-9][a-z0-9-]{1,63}"), rule.name());
        }
        assertEquals(
                Set.of("invoices-to-billing", "vip-senders"),
                rules.stream().map(RoutingRule::name).collect(Collectors.toSet()));
    }

    static Stream<Arguments> identities() {
        return Stream.of(
                arguments(
                        new InvoiceRule(),
                        "invoices-to-billing",
                        100,
                        "after the built-in low-confidence rule (0), so it can clear its review",
                        Set.of("queue")),
                arguments(
                        new VipSenderRule(),
                        "vip-senders",
                        200,
                        "after invoices-to-billing (100)",
                        Set.of("domains", "priority")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("identities")
    void identity(RoutingRule rule, String name, int order, String why, Set<String> keys) {
        assertEquals(name, rule.name());
        assertTrue(RoutingApi.isCompatible(rule.apiVersion(), RoutingApi.VERSION));
        assertEquals(order, rule.order(), why);
        assertEquals(keys, rule.configurationKeys());
    }

    @Test
    void theJarOffersNoKeywordList() {
        assertEquals(
                0,
                ServiceLoader.load(UrgentKeywordList.class, getClass().getClassLoader()).stream()
                        .count());
    }
}

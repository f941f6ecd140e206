package io.ticketrouter.examples.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.spi.RoutingRule;
import io.ticketrouter.spi.UrgentKeywordList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The server finds plugins with ServiceLoader: the service file must name both rules, and only them. */
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

    @Test
    void theJarOffersNoKeywordList() {
        assertEquals(
                0,
                ServiceLoader.load(UrgentKeywordList.class, getClass().getClassLoader()).stream()
                        .count());
    }
}

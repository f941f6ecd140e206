package io.ticketrouter.examples.routing;

import static io.ticketrouter.examples.routing.Requests.context;
import static io.ticketrouter.examples.routing.Requests.from;
import static io.ticketrouter.examples.routing.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.spi.RoutingChange;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** vip-senders: tickets from the configured customers' domains get a higher priority. */
class VipSenderRuleTest {

    private static final String SLOW = "The dashboard is slow today.";

    private static VipSenderRule configured(Map<String, String> values) {
        return Requests.configured(new VipSenderRule(), values);
    }

    private static RoutingChange lowPriorityTicketFrom(VipSenderRule rule, String sender) {
        return rule.apply(request(from(sender, SLOW), "IT Support", "low"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ann@bigcorp.com",
                "Ann.Lee@BigCorp.COM",
                "  ann@bigcorp.com ",
                "it@eu.sales.bigcorp.com",
                "bob@acme.org"
            })
    void aSenderFromAVipDomainOrItsSubdomainsGetsHighPriority(String sender) {
        VipSenderRule rule = configured(Map.of("domains", "BigCorp.com, @acme.org"));
        RoutingChange change = lowPriorityTicketFrom(rule, sender);
        String domain = sender.trim().substring(sender.trim().indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        assertEquals(Optional.of("high"), change.newPriority());
        assertEquals(Optional.of("sender domain " + domain + " is a VIP customer"), change.reason());
        assertEquals(Optional.empty(), change.newQueue(), "the queue is not the rule's business");
        assertEquals(Optional.empty(), change.newNeedsReview());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ann@notbigcorp.com",
                "ann@bigcorp.com.evil.example",
                "ann@bigcorp.co",
                "ann@corp.com",
                "bigcorp.com@example.com",
                "ann@example.com"
            })
    void lookAlikeDomainsAreNotVip(String sender) {
        assertTrue(
                lowPriorityTicketFrom(configured(Map.of("domains", "bigcorp.com")), sender)
                        .isNone(),
                sender);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "bigcorp.com", "ann@"})
    void aTicketWithoutASenderDomainIsLeftAlone(String sender) {
        assertTrue(lowPriorityTicketFrom(configured(Map.of("domains", "bigcorp.com")), sender)
                .isNone());
    }

    @Test
    void withoutDomainsTheRuleNeverFires() {
        assertTrue(
                lowPriorityTicketFrom(configured(Map.of()), "ann@bigcorp.com").isNone());
        assertTrue(lowPriorityTicketFrom(configured(Map.of("domains", " , ")), "ann@bigcorp.com")
                .isNone());
    }

    @Test
    void aTicketAlreadyAtThatPriorityIsLeftAlone() {
        VipSenderRule rule = configured(Map.of("domains", "bigcorp.com"));
        assertTrue(rule.apply(request(from("ann@bigcorp.com", SLOW), "IT Support", "high"))
                .isNone());
    }

    @Test
    void thePriorityIsConfigurable() {
        VipSenderRule rule = configured(Map.of("domains", "bigcorp.com", "priority", "medium"));
        assertEquals(
                Optional.of("medium"),
                lowPriorityTicketFrom(rule, "ann@bigcorp.com").newPriority());
        assertTrue(rule.apply(request(from("ann@bigcorp.com", SLOW), "IT Support", "medium"))
                .isNone());
    }

    @Test
    void aPriorityTheModelDoesNotKnowIsRefusedWithTheKnownOnes() {
        VipSenderRule rule = new VipSenderRule();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rule.configure(
                        context(rule.configurationKeys(), Map.of("domains", "bigcorp.com", "priority", "urgent"))));
        assertTrue(
                e.getMessage().startsWith("priority must be one of [")
                        && e.getMessage().endsWith("], got 'urgent'"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ceo@bigcorp.com",
                "*.bigcorp.com",
                ".bigcorp.com",
                "bigcorp.com.",
                "big corp.com",
                "https://bigcorp.com",
                "bigcorp"
            })
    void aDomainThatCouldNeverMatchASenderIsRefused(String domain) {
        VipSenderRule rule = new VipSenderRule();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rule.configure(context(rule.configurationKeys(), Map.of("domains", "acme.org, " + domain))));
        assertEquals(
                "domains must list sender domains such as bigcorp.com (subdomains match too), got '" + domain + "'",
                e.getMessage());
    }
}

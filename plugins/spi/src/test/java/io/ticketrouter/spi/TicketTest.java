package io.ticketrouter.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ticket as a rule sees it: missing parts are empty, never null, and the sender's domain is normalized. */
class TicketTest {

    @Test
    void missingSubjectBodyAndLanguageAreEmpty() {
        Ticket ticket = new Ticket(null, null, null, null);
        assertEquals("", ticket.subject());
        assertEquals("", ticket.body());
        assertEquals("", ticket.language());
        assertEquals("", ticket.text());
        assertEquals(Optional.empty(), ticket.sender());
        assertEquals(Optional.empty(), ticket.senderDomain());
    }

    @Test
    void textIsSubjectAndBodyOnSeparateLinesOrTheBodyAlone() {
        assertEquals("Invoice\nPlease resend it.", new Ticket("Invoice", "Please resend it.", "en", null).text());
        assertEquals("Please resend it.", new Ticket("", "Please resend it.", "en", null).text());
        assertEquals("Please resend it.", new Ticket(null, "Please resend it.", "en", null).text());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Ann@BigCorp.com          | bigcorp.com",
                "'  ann.lee@Sales.BigCorp.COM  ' | sales.bigcorp.com",
                "\"odd@name\"@example.org | example.org",
            })
    void senderDomainIsTheLowerCasePartAfterTheLastAt(String address, String domain) {
        Ticket ticket = new Ticket("", "body", "en", address);
        assertEquals(Optional.of(address), ticket.sender());
        assertEquals(Optional.of(domain), ticket.senderDomain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-at-sign.example.com", "@example.com", "ann@", "ann@   "})
    void anAddressWithoutAUserOrADomainHasNoDomain(String address) {
        assertEquals(Optional.empty(), new Ticket("", "body", "en", address).senderDomain());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aBlankSenderIsNoSender(String address) {
        Ticket ticket = new Ticket("", "body", "en", address);
        assertEquals(Optional.empty(), ticket.sender());
        assertEquals(Optional.empty(), ticket.senderDomain());
    }
}

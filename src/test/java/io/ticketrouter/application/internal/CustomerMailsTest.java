package io.ticketrouter.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.IncomingMail;
import io.ticketrouter.application.MailSettings;
import io.ticketrouter.application.OutgoingMail;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.domain.model.ticket.TicketReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mails to customers: acknowledgements in the ticket's language, threaded subjects and headers. */
class CustomerMailsTest {

    private static final MailSettings SETTINGS =
            new MailSettings(true, "support@example.com", true, "https://support.example.com/portal/");

    static TicketView ticket(String language, String email) {
        return new TicketView(
                "TR-000123",
                Instant.EPOCH,
                Instant.EPOCH,
                "open",
                "Mein VPN",
                "Das VPN trennt sich.",
                "Jana",
                email,
                language,
                new TicketView.Scored("IT Support", 0.8),
                new TicketView.Scored("high", 0.7),
                Map.of(),
                Map.of(),
                List.of(),
                null,
                false,
                false,
                List.of(),
                "v1",
                null,
                null,
                "IT Support",
                "high",
                List.of(),
                "email",
                null,
                null,
                null,
                null,
                List.of());
    }

    static IncomingMail mail(String name) {
        return new IncomingMail(
                "<orig@kunde.example>",
                List.of("<b@x>", "<a@x>"),
                "Re: [TR-000099] Mein VPN",
                "text",
                "jana@kunde.example",
                name,
                List.of());
    }

    @ParameterizedTest
    @CsvSource({
        "en, 'Hello Jana,', 'received it as ticket TR-000123'",
        "de, 'Hallo Jana,', 'als Ticket TR-000123 erhalten'",
        "es, 'Hola, Jana:', 'como el ticket TR-000123'",
        "fr, 'Bonjour Jana,', 'sous le ticket TR-000123'",
        "pt, 'Olá, Jana,', 'como o ticket TR-000123'",
        "it, 'Hello Jana,', 'received it as ticket TR-000123'"
    })
    void theAcknowledgementSpeaksTheTicketsLanguageAndNamesReferenceTeamLinkAndCode(
            String language, String greeting, String received) {
        OutgoingMail ack = CustomerMails.acknowledgement(
                ticket(language, "jana@kunde.example"), "tok+en/1", mail("Jana"), SETTINGS);
        assertTrue(ack.text().startsWith(greeting + "\n\n"), ack.text());
        assertTrue(ack.text().contains(received), ack.text());
        assertTrue(ack.text().contains("IT Support"), ack.text());
        assertTrue(
                ack.text().contains("https://support.example.com/portal/#status=TR-000123&code=tok%2Ben%2F1"),
                "the code in the fragment, never in a query: " + ack.text());
        assertTrue(ack.text().contains("tok+en/1"), "the access code for the lookup form: " + ack.text());
        assertEquals("[TR-000123] Re: Mein VPN", ack.subject(), "one tag, one Re:");
        assertEquals("jana@kunde.example", ack.to());
        assertEquals("<orig@kunde.example>", ack.inReplyTo());
        assertEquals(List.of("<a@x>", "<b@x>", "<orig@kunde.example>"), ack.references(), "oldest first");
        assertTrue(ack.autoReply());
        assertTrue(ack.messageId().matches("<[0-9a-f-]{36}\\.tr@example\\.com>"), ack.messageId());
    }

    @Test
    void withoutANameTheGreetingHasNoGapAndWithoutAPortalAddressNoLink() {
        MailSettings noPortal = new MailSettings(true, "support@example.com", true, null);
        OutgoingMail ack = CustomerMails.acknowledgement(ticket("de", "jana@kunde.example"), "t", mail(null), noPortal);
        assertTrue(ack.text().startsWith("Guten Tag,\n\n"), ack.text());
        assertFalse(ack.text().contains("#status="), ack.text());
    }

    @Test
    void anAgentsReplyAnswersTheCustomersLastMail() {
        TicketView t = ticket("en", "jana@kunde.example");
        OutgoingMail reply = CustomerMails.reply(t, "We reset it.", List.of(), SETTINGS);
        assertEquals("[TR-000123] Re: Mein VPN", reply.subject());
        assertEquals("We reset it.\n", reply.text());
        assertNull(reply.inReplyTo(), "no mail of the customer: nothing to answer");
        assertFalse(reply.autoReply());
    }

    @Test
    void theSubjectNamesATicketOnlyInBrackets() {
        assertEquals(TicketReference.parse("TR-000042"), CustomerMails.subjectReference("Re: [tr-000042] Drucker"));
        assertNull(CustomerMails.subjectReference("TR-000042 without brackets"));
        assertNull(CustomerMails.subjectReference("[TR-000000] none"));
        assertNull(CustomerMails.subjectReference("[TR-12345] too short"));
        assertNull(CustomerMails.subjectReference(null));
    }
}

package io.ticketrouter.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ticketrouter.application.HelpdeskConnectors.Inbound;
import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketContent;
import org.junit.jupiter.api.Test;

class DefaultHelpdeskServiceTest {

    private static Inbound inbound(String subject, String body, String name, String email) {
        return new Inbound(Inbound.Outcome.TICKET, null, "17", null, subject, body, name, email);
    }

    @Test
    void whatTheHelpdeskAcceptedIsTakenCutToThePortalsLimitsNeverRefused() {
        TicketContent c = DefaultHelpdeskService.content(inbound(
                "  Drucker\n druckt   nicht ", "x".repeat(Ticket.BODY_MAX + 500), "Emma Weber", "emma@example.org"));
        assertEquals("Drucker druckt nicht", c.subject(), "one line, spaces collapsed");
        assertEquals(Ticket.BODY_MAX, c.body().length(), "a longer message is cut, ending with an ellipsis");
        assertEquals('\u2026', c.body().charAt(Ticket.BODY_MAX - 1));
        assertEquals("Emma Weber", c.customerName());
        assertEquals("emma@example.org", c.customerEmail());
    }

    @Test
    void aMissingTitleIsTheMessagesFirstLineAndAMissingMessageTheTitle() {
        TicketContent noTitle = DefaultHelpdeskService.content(inbound(null, "VPN drops\nsince Monday", null, null));
        assertEquals("VPN drops", noTitle.subject());
        TicketContent noBody = DefaultHelpdeskService.content(inbound("VPN drops since Monday", " ", null, null));
        assertEquals("VPN drops since Monday", noBody.body());
    }

    @Test
    void controlCharactersAndAnAddressThatIsNoneAreDropped() {
        TicketContent c = DefaultHelpdeskService.content(
                inbound("A\u0000B", "line 1\r\nline\u0007 2\tend", " ", "not an address"));
        assertEquals("AB", c.subject());
        assertEquals("line 1\r\nline 2\tend", c.body(), "NUL and BEL go, line breaks and tabs stay");
        assertNull(c.customerName());
        assertNull(c.customerEmail());
    }
}

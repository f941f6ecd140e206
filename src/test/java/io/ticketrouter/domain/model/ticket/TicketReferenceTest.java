package io.ticketrouter.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketReferenceTest {

    @Test
    void formatsWithAtLeastSixDigits() {
        assertEquals("TR-000042", TicketReference.of(42).value());
        assertEquals("TR-1234567", TicketReference.of(1_234_567).value());
    }

    @Test
    void parsesWhatItFormatsAndIgnoresCaseAndSpaces() {
        assertEquals(42, TicketReference.parse("TR-000042").number());
        assertEquals(42, TicketReference.parse(" tr-000042 ").number());
        assertEquals(
                TicketReference.of(7),
                TicketReference.parse(TicketReference.of(7).value()));
    }

    @Test
    void sortsInCreationOrder() {
        assertTrue(TicketReference.parse("TR-000009").compareTo(TicketReference.parse("TR-000010")) < 0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                        | reference must be TR- followed by 6 to 18 digits, for example TR-000042, got \"\"",
                "42                        | reference must be TR- followed by 6 to 18 digits, for example TR-000042, got \"42\"",
                "TR-42                     | reference must be TR- followed by 6 to 18 digits, for example TR-000042, got \"TR-42\"",
                "TR-00004a                 | reference must be TR- followed by 6 to 18 digits, for example TR-000042, got \"TR-00004a\"",
                "XX-000042                 | reference must be TR- followed by 6 to 18 digits, for example TR-000042, got \"XX-000042\"",
                "TR--00042                 | reference must be TR- followed by 6 to 18 digits, for example TR-000042, got \"TR--00042\"",
                "TR-../../etc              | reference must be TR- followed by 6 to 18 digits, for example TR-000042, got \"TR-../../etc\"",
                "TR-0000000000000000001234 | reference must be TR- followed by 6 to 18 digits, for example TR-000042, got \"TR-0000000000000000001234\"",
                "TR-000000                 | reference must not be TR-000000: numbers start at 1"
            })
    void rejectsOtherShapesSayingWhatIsExpected(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TicketReference.parse(text));
        assertEquals(message, e.getMessage());
        assertFalse(TicketReference.isValid(text));
    }

    @Test
    void nullIsRejectedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TicketReference.parse(null));
        assertEquals("reference is required: TR- followed by 6 to 18 digits, for example TR-000042", e.getMessage());
        assertFalse(TicketReference.isValid(null));
    }
}

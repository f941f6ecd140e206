package io.ticketrouter.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a rule can return: nothing, or a reason for agents plus the changes it asks for. */
class RoutingChangeTest {

    @Test
    void noneChangesNothingAndHasNoReason() {
        assertTrue(RoutingChange.NONE.isNone());
        assertEquals(Optional.empty(), RoutingChange.NONE.reason());
        assertEquals(Optional.empty(), RoutingChange.NONE.newQueue());
        assertEquals(Optional.empty(), RoutingChange.NONE.newPriority());
        assertEquals(Optional.empty(), RoutingChange.NONE.newNeedsReview());
    }

    @Test
    void aChangeCarriesItsReasonStrippedAndOnlyWhatItSets() {
        RoutingChange change = RoutingChange.because("  sender domain bigcorp.com is a VIP customer \n")
                .priority("high");
        assertFalse(change.isNone());
        assertEquals(Optional.of("sender domain bigcorp.com is a VIP customer"), change.reason());
        assertEquals(Optional.of("high"), change.newPriority());
        assertEquals(Optional.empty(), change.newQueue(), "the queue stays as the earlier rules left it");
        assertEquals(Optional.empty(), change.newNeedsReview(), "needs review stays as the earlier rules left it");
    }

    @Test
    void aReasonAloneIsAChangeThatConfirmsTheDecision() {
        RoutingChange change = RoutingChange.because("mentions an invoice");
        assertFalse(change.isNone(), "the rule fired; the routing record shows it with 'no change'");
        assertEquals(Optional.empty(), change.newQueue());
        assertEquals(Optional.empty(), change.newPriority());
        assertEquals(Optional.empty(), change.newNeedsReview());
    }

    @Test
    void clearingNeedsReviewIsDistinctFromLeavingItAlone() {
        assertEquals(
                Optional.of(false),
                RoutingChange.because("clear").needsReview(false).newNeedsReview());
        assertEquals(
                Optional.of(true),
                RoutingChange.because("force").needsReview(true).newNeedsReview());
    }

    @Test
    void buildingAChangeNeverAltersTheOneItStartedFrom() {
        RoutingChange start = RoutingChange.because("mentions an invoice");
        RoutingChange routed = start.queue("Billing and Payments");
        RoutingChange reviewed = routed.needsReview(false).priority("low");

        assertEquals(Optional.empty(), start.newQueue());
        assertEquals(Optional.empty(), routed.newNeedsReview());
        assertEquals(Optional.empty(), routed.newPriority());
        assertEquals(Optional.of("Billing and Payments"), reviewed.newQueue());
        assertEquals(Optional.of(false), reviewed.newNeedsReview());
        assertEquals(Optional.of("low"), reviewed.newPriority());
        assertEquals(Optional.of("mentions an invoice"), reviewed.reason());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void aChangeWithoutAReasonIsRefused(String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoutingChange.because(reason));
        assertEquals("a routing change needs a reason for agents, got none", e.getMessage());
    }

    @Test
    void noneCannotBeTurnedIntoAChange() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> RoutingChange.NONE.queue("Billing and Payments"));
        assertEquals("start a change with RoutingChange.because(reason)", e.getMessage());
        assertThrows(IllegalStateException.class, () -> RoutingChange.NONE.priority("high"));
        assertThrows(IllegalStateException.class, () -> RoutingChange.NONE.needsReview(false));
    }

    @Test
    void aNullQueueOrPriorityIsRefusedByName() {
        RoutingChange change = RoutingChange.because("reason");
        assertEquals(
                "queue",
                assertThrows(NullPointerException.class, () -> change.queue(null))
                        .getMessage());
        assertEquals(
                "priority",
                assertThrows(NullPointerException.class, () -> change.priority(null))
                        .getMessage());
    }

    @Test
    void toStringShowsWhatChangedAndWhy() {
        assertEquals("RoutingChange.NONE", RoutingChange.NONE.toString());
        assertEquals(
                "RoutingChange[queue=Billing and Payments, priority=null, needsReview=false, reason=invoice]",
                RoutingChange.because("invoice")
                        .queue("Billing and Payments")
                        .needsReview(false)
                        .toString());
    }
}

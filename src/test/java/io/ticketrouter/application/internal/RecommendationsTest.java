package io.ticketrouter.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecommendationsTest {

    @Test
    void saysWhyATicketNeedsReview() {
        String text = Recommendations.text("Billing", 0.42, 0.65, true, "low", 0.8);
        assertEquals("Needs review: the model is only 42% sure this belongs to Billing, below the 65% review "
                + "threshold for that queue. Check the department before routing.", text);
    }

    @Test
    void routesConfidentTicketsAndFlagsUrgentOnes() {
        String text = Recommendations.text("Technical Support", 0.9, 0.6, false, "high", 0.7);
        assertTrue(text.startsWith("Route to Technical Support (90% confident) with high priority."), text);
        assertTrue(text.contains("Urgent"), text);
    }
}

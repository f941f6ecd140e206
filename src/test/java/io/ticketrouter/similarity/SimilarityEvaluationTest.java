package io.ticketrouter.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketrouter.classification.Fixtures;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.data.TicketRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** hit@k and the majority vote, worked out by hand on a history whose words tell the queues apart. */
class SimilarityEvaluationTest {

    private static TicketRecord ticket(String body, String queue) {
        return new TicketRecord("", body, queue, "medium", "en");
    }

    @Test
    void hitAtKCountsOneOfItsOwnQueueAndTheVoteTakesTheMajority() throws Exception {
        TicketClassifier classifier =
                Fixtures.trainSmall(Fixtures.smallTickets()).bundle();
        List<TicketRecord> history = List.of(
                ticket("printer jams paper tray", "IT Support"),
                ticket("printer toner empty paper", "IT Support"),
                ticket("invoice refund payment double", "Billing"),
                ticket("invoice payment card declined", "Billing"),
                ticket("printer invoice", "Billing"));
        List<TicketRecord> heldOut = List.of(
                ticket("printer paper jams again", "IT Support"), // IT, IT, Billing: hit, right vote
                ticket("refund invoice payment", "Billing"), // Billing three times: hit, right vote
                ticket("printer jams", "Billing"), // IT, IT, Billing: hit, wrong vote
                ticket("zzyzx qwxv", "Billing")); // no neighbour: neither

        SimilarityEvaluation.Result r = SimilarityEvaluation.evaluate(classifier, history, heldOut, 3);

        assertEquals(3, r.k());
        assertEquals(4, r.rows());
        assertEquals(5, r.historyRows());
        assertEquals(0.75, r.hitAtK(), 1e-9);
        assertEquals(0.5, r.majorityAccuracy(), 1e-9);
        assertEquals(0.25, r.withoutNeighbour(), 1e-9);
    }
}

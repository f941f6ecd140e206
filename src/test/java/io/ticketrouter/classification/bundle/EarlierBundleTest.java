package io.ticketrouter.classification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.Fixtures;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.data.TicketRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bundle of format version 1 as an earlier build wrote it ({@code src/test/resources/fixtures/bundle-format-1/}, trained on
 * tickets-small.csv with five trees per forest) loads, and predicts what that build predicted
 * ({@code bundle-format-1-predictions.tsv}: row, queue, confidence, priority, confidence, keywords).
 */
class EarlierBundleTest {

    private static final Path HERE = Path.of("src", "test", "resources", "fixtures");

    @Test
    void formatOneBundleLoadsAndPredictsAsWhenItWasWritten() throws Exception {
        TicketClassifier classifier = ModelBundles.load(HERE.resolve("bundle-format-1"));
        assertEquals("20261202T063657Z-c67b81268e", classifier.info().version());
        assertEquals(1, classifier.info().formatVersion());
        assertTrue(classifier.info().evaluation().containsKey("out_of_bag"));
        assertEquals(
                "tickets-small.csv",
                ((java.util.Map<?, ?>) ((List<?>) classifier.info().provenance().get("inputs")).get(0)).get("file"));

        List<TicketRecord> rows = Fixtures.smallTickets().records();
        List<String> lines = Files.readAllLines(HERE.resolve("bundle-format-1-predictions.tsv"));
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            TicketRecord r = rows.get(Integer.parseInt(f[0]));
            Prediction p = classifier.classify(new TicketText(r.subject(), r.body(), null));
            List<String> keywords = new ArrayList<>();
            p.keywords().forEach(k -> keywords.add(k.term() + "=" + k.weight()));
            assertEquals(
                    line,
                    String.join(
                            "\t",
                            f[0],
                            p.queue().label(),
                            String.valueOf(p.queue().confidence()),
                            p.priority().label(),
                            String.valueOf(p.priority().confidence()),
                            String.join(" ", keywords)));
            checked++;
        }
        assertTrue(checked > 30, "rows checked: " + checked);
    }
}

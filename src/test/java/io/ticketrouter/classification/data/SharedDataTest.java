package io.ticketrouter.classification.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shared split (read by path, never committed) loads with the expected shape. Skipped with a
 * visible message when the data is absent, mandatory when CI=true.
 */
class SharedDataTest {

    @Test
    void sharedSplitReadsCompletely() throws Exception {
        Path split = Fixtures.sharedData().resolve("split");
        TicketDataset train = TicketCsvReader.read(split.resolve("train.csv"));
        TicketDataset val = TicketCsvReader.read(split.resolve("val.csv"));
        TicketDataset test = TicketCsvReader.read(split.resolve("test.csv"));
        assertEquals(
                4000,
                train.size() + train.skippedRows() + val.size() + val.skippedRows() + test.size() + test.skippedRows());
        assertEquals(
                10, train.records().stream().map(TicketRecord::queue).distinct().count());
        assertTrue(train.records().stream().allMatch(r -> TicketCsvReader.PRIORITIES.contains(r.priority())));
        assertTrue(test.records().stream().allMatch(r -> r.language() != null));
    }
}

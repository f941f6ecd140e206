package io.ticketrouter.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrouter.classification.text.TextAnalyzer;
import io.ticketrouter.similarity.SimilarityIndex.Entry;
import io.ticketrouter.similarity.SimilarityIndex.Match;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityIndexTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer(true);

    private static final List<Entry> HISTORY = List.of(
            new Entry(1, 0, "en", "Refund for a double charge. My credit card was charged twice for the invoice", true),
            new Entry(2, 0, "en", "Invoice shows the wrong amount, please refund the difference on my card", false),
            new Entry(3, 0, "en", "VPN connection drops every few minutes on the office network", true),
            new Entry(4, 0, "de", "Die Rechnung wurde doppelt abgebucht, bitte erstatten Sie den Betrag", true),
            new Entry(5, 0, "en", "Cannot log in to the portal after the password reset", false));

    private static SimilarityIndex filled() {
        SimilarityIndex index = SimilarityIndex.inMemory(ANALYZER);
        HISTORY.forEach(index::put);
        return index;
    }

    @Test
    void theTicketsSharingTheQuestionsWordsComeFirstWithASimilarityBetweenZeroAndOne() throws IOException {
        try (SimilarityIndex index = filled()) {
            List<Match> found = index.nearest("I was charged twice, please refund my card", "en", -1, 3);

            assertThat(found).extracting(Match::id).startsWith(1L, 2L).doesNotContain(3L, 5L);
            assertThat(found)
                    .allSatisfy(m -> assertThat(m.similarity()).isGreaterThan(0).isLessThanOrEqualTo(1));
            assertThat(found.get(0).similarity()).isGreaterThan(found.get(1).similarity());
        }
    }

    @Test
    void aTextLikeAStoredOneIsNearlyIdenticalAndTheQuestionItselfCanBeLeftOut() throws IOException {
        try (SimilarityIndex index = filled()) {
            String text = HISTORY.get(2).text();
            assertThat(index.nearest(text, "en", -1, 1).get(0))
                    .satisfies(m -> assertThat(m.id()).isEqualTo(3))
                    .satisfies(m -> assertThat(m.similarity()).isGreaterThan(0.999));
            assertThat(index.nearest(text, "en", 3, 5)).extracting(Match::id).doesNotContain(3L);
        }
    }

    @Test
    void aStoredTicketIsAskedWithTheTermsTheIndexHoldsForItWhichAreThoseOfItsText() throws IOException {
        try (SimilarityIndex index = filled()) {
            Entry stored = HISTORY.get(0);
            List<Match> byText = index.nearest(stored.text(), stored.language(), stored.id(), 4);

            assertThat(index.nearest("", "en", stored.id(), 4))
                    .as("the index's own terms of ticket 1 give what its text gives")
                    .isEqualTo(byText)
                    .extracting(Match::id)
                    .doesNotContain(1L)
                    .startsWith(2L);
            assertThat(index.nearest("My credit card was charged twice", "en", 99, 4))
                    .as("a ticket the index does not hold is asked with the text given")
                    .extracting(Match::id)
                    .startsWith(1L);
            index.remove(1);
            assertThat(index.nearest("", "en", 1, 4))
                    .as("a removed ticket's terms are gone with it")
                    .isEmpty();
        }
    }

    @Test
    void wordsNoStoredTicketHasFindNothing() throws IOException {
        try (SimilarityIndex index = filled()) {
            assertThat(index.nearest("zyxwv qqqqq", "en", -1, 5)).isEmpty();
            assertThat(index.nearest("", "en", -1, 5)).isEmpty();
        }
    }

    @Test
    void onEqualSimilarityResolvedTicketsComeFirstThenNewerOnes() throws IOException {
        try (SimilarityIndex index = SimilarityIndex.inMemory(ANALYZER)) {
            String text = "Printer on the third floor jams with every print job";
            index.put(new Entry(10, 0, "en", text, false));
            index.put(new Entry(11, 0, "en", text, true));
            index.put(new Entry(12, 0, "en", text, false));

            assertThat(index.nearest(text, "en", -1, 3)).extracting(Match::id).containsExactly(11L, 12L, 10L);
        }
    }

    @Test
    void aChangedTicketIsReplacedAndARemovedOneIsNoLongerFound() throws IOException {
        try (SimilarityIndex index = filled()) {
            index.put(new Entry(3, 7, "en", "Refund the double charge on my credit card", true));
            index.remove(1);

            assertThat(index.versions())
                    .containsEntry(3L, 7L)
                    .doesNotContainKey(1L)
                    .hasSize(4);
            assertThat(index.nearest("refund double charge credit card", "en", -1, 5))
                    .extracting(Match::id)
                    .startsWith(3L)
                    .doesNotContain(1L);
        }
    }

    @Test
    void theIndexSurvivesAReopenAndAnIndexThatCannotBeReadStartsEmpty(@TempDir Path dir) throws IOException {
        try (SimilarityIndex index = SimilarityIndex.open(dir, ANALYZER)) {
            assertThat(index.startedEmpty()).isTrue();
            HISTORY.forEach(index::put);
        }
        try (SimilarityIndex index = SimilarityIndex.open(dir, ANALYZER)) {
            assertThat(index.startedEmpty()).isFalse();
            assertThat(index.versions()).hasSize(HISTORY.size());
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.write(f, new byte[] {1, 2, 3});
                }
            }
        }
        try (SimilarityIndex index = SimilarityIndex.open(dir, ANALYZER)) {
            assertThat(index.startedEmpty()).isTrue();
            assertThat(index.versions()).isEqualTo(Map.of());
        }
    }
}

package io.ticketrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.spi.ModelPrediction;
import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import io.ticketrouter.spi.Ticket;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltInRulesTest {

    @Test
    void keywordFileParsesLanguagesPhrasesAndComments() throws IOException {
        Map<String, Set<String>> keywords = BuiltInUrgentKeywords.parse(
                new StringReader("\uFEFF# comment\n\nen: data breach\n  de :  Datenleck  \nen: outage\n"), "test.txt");
        assertEquals(Map.of("en", Set.of("data breach", "outage"), "de", Set.of("Datenleck")), keywords);
    }

    @Test
    void keywordFileErrorNamesFileAndLine() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BuiltInUrgentKeywords.parse(new StringReader("en: ok\nno language here\n"), "k.txt"));
        assertTrue(e.getMessage().startsWith("k.txt line 2: expected '<language>: <word or phrase>'"), e.getMessage());
    }

    @Test
    void shippedKeywordFileCoversTheFiveLanguages() {
        Map<String, Set<String>> keywords = new BuiltInUrgentKeywords().keywords();
        assertEquals(Set.of("en", "de", "es", "fr", "pt"), keywords.keySet());
        assertTrue(keywords.get("en").contains("data breach"));
        new KeywordMatcher(keywords.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(w -> new KeywordMatcher.Entry("b", e.getKey(), w)))
                .toList()); // every entry is a valid keyword
    }

    @Test
    void lowConfidenceAsksForReviewAndSaysWhy() {
        RoutingChange change = new LowConfidenceRule().apply(request(0.31));
        assertEquals(Boolean.TRUE, change.newNeedsReview().orElseThrow());
        assertEquals(
                "the model is only 31% sure this belongs to Product Support, below the 50% review threshold "
                        + "for that queue: check the department before routing",
                change.reason().orElseThrow());
    }

    @Test
    void lowConfidenceStaysQuietWhenTheModelIsSure() {
        assertTrue(new LowConfidenceRule().apply(request(0.5)).isNone());
    }

    private static RoutingRequest request(double confidence) {
        ModelPrediction prediction = new ModelPrediction(
                "Product Support",
                confidence,
                "low",
                0.7,
                Map.of("Product Support", confidence),
                Map.of("low", 0.7),
                0.5,
                List.of());
        return new RoutingRequest(
                new Ticket("s", "b", "en", null),
                prediction,
                "Product Support",
                "low",
                false,
                Set.of("Product Support"),
                Set.of("low"));
    }
}

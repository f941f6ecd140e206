package io.ticketrouter.classification.features;

import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.text.Languages;
import io.ticketrouter.classification.text.TextAnalyzer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the terms of one ticket: words and word bigrams of subject and body (subject terms count
 * {@link FeatureOptions#subjectWeight()} times), optionally character n-grams marked with a leading
 * {@code #}. Bigrams are joined with a space, so a term's kind is visible in explanations.
 */
public final class TermExtractor {

    /** The outcome for one ticket: its resolved language and term counts. */
    public record Terms(String language, Map<String, Integer> counts) {}

    private final FeatureOptions options;
    private final TextAnalyzer analyzer;

    public TermExtractor(FeatureOptions options) {
        this.options = options;
        this.analyzer = new TextAnalyzer(options.stemming());
    }

    public FeatureOptions options() {
        return options;
    }

    public Terms extract(TicketText ticket) {
        String language = Languages.normalize(ticket.language());
        if (language == null) {
            language = Languages.detect(
                    ticket.subject().isBlank() ? ticket.body() : ticket.subject() + ". " + ticket.body());
        }
        Map<String, Integer> counts = new HashMap<>();
        add(counts, analyzer.terms(ticket.subject(), language), options.subjectWeight());
        add(counts, analyzer.terms(ticket.body(), language), 1);
        return new Terms(language, counts);
    }

    private void add(Map<String, Integer> counts, List<String> words, int weight) {
        String previous = null;
        for (String word : words) {
            counts.merge(word, weight, Integer::sum);
            if (options.bigrams() && previous != null) {
                counts.merge(previous + " " + word, weight, Integer::sum);
            }
            if (options.charNgramMax() > 0 && word.length() >= 5) {
                for (int n = 3; n <= options.charNgramMax(); n++) {
                    for (int i = 0; i + n <= word.length(); i++) {
                        counts.merge("#" + word.substring(i, i + n), weight, Integer::sum);
                    }
                }
            }
            previous = word;
        }
    }
}

package io.ticketrouter.similarity;

import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.data.TicketRecord;
import io.ticketrouter.classification.text.TextAnalyzer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How useful the similar tickets are as a second opinion on the department: the history (for example the training
 * tickets, as {@code import} would load them) goes into an index like the server's, and for every held-out ticket the
 * {@code k} nearest are looked up. Each ticket's language is the one the classifier detects, as on the server.
 *
 * <ul>
 *   <li>hit@k: the share of held-out tickets with at least one of their own queue among the {@code k} nearest;
 *   <li>majority accuracy: the share whose queue is the one most of the {@code k} nearest went to (a tie goes to the
 *       queue of the nearest among the tied ones; a ticket with no neighbour counts as wrong).
 * </ul>
 */
public final class SimilarityEvaluation {

    /**
     * The figures on {@code rows} held-out tickets.
     *
     * @param k                the number of nearest tickets looked at
     * @param rows             held-out tickets
     * @param historyRows      tickets in the index
     * @param hitAtK           share with one of their own queue among the k nearest
     * @param majorityAccuracy share whose queue is the majority queue of the k nearest
     * @param withoutNeighbour share for which the index had no ticket sharing a term
     */
    public record Result(
            int k, int rows, int historyRows, double hitAtK, double majorityAccuracy, double withoutNeighbour) {}

    private SimilarityEvaluation() {}

    public static Result evaluate(
            TicketClassifier classifier, List<TicketRecord> history, List<TicketRecord> heldOut, int k)
            throws IOException {
        try (SimilarityIndex index = SimilarityIndex.inMemory(new TextAnalyzer(true))) {
            List<String> queues = history.stream().map(TicketRecord::queue).toList();
            List<String> historyLanguages = languages(classifier, history);
            for (int i = 0; i < history.size(); i++) {
                TicketRecord r = history.get(i);
                index.put(new SimilarityIndex.Entry(i, 1, historyLanguages.get(i), text(r), true));
            }
            index.commit();
            List<String> languages = languages(classifier, heldOut);
            int hits = 0;
            int majority = 0;
            int empty = 0;
            for (int i = 0; i < heldOut.size(); i++) {
                TicketRecord r = heldOut.get(i);
                List<SimilarityIndex.Match> nearest = index.nearest(text(r), languages.get(i), -1, k);
                if (nearest.isEmpty()) {
                    empty++;
                    continue;
                }
                Map<String, Integer> votes = new LinkedHashMap<>(); // in rank order, so a tie keeps the nearest
                for (SimilarityIndex.Match m : nearest) {
                    votes.merge(queues.get((int) m.id()), 1, Integer::sum);
                }
                if (votes.containsKey(r.queue())) {
                    hits++;
                }
                String winner = null;
                int best = 0;
                for (Map.Entry<String, Integer> v : votes.entrySet()) {
                    if (v.getValue() > best) {
                        best = v.getValue();
                        winner = v.getKey();
                    }
                }
                if (r.queue().equals(winner)) {
                    majority++;
                }
            }
            double n = Math.max(1, heldOut.size());
            return new Result(k, heldOut.size(), history.size(), hits / n, majority / n, empty / n);
        }
    }

    private static List<String> languages(TicketClassifier classifier, List<TicketRecord> records) {
        return records.parallelStream()
                .map(r -> classifier
                        .classify(new TicketText(r.subject(), r.body(), r.language()))
                        .language())
                .toList();
    }

    private static String text(TicketRecord r) {
        return r.subject().isBlank() ? r.body() : r.subject() + "\n" + r.body();
    }
}

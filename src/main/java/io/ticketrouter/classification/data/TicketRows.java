package io.ticketrouter.classification.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows of one file as they are read, whatever its format: each one kept as a {@link TicketRecord} or counted as
 * skipped with its reason.
 */
final class TicketRows {

    private static final Set<String> PRIORITY_SET = Set.copyOf(TicketCsvReader.PRIORITIES);

    private final List<TicketRecord> rows = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();

    /** One row's values ("" for an empty or absent value); the bodies are joined with a blank line. */
    void add(String subject, List<String> bodies, String queue, String priority, String language, String answer) {
        List<String> parts = new ArrayList<>();
        for (String b : bodies) {
            if (!b.isBlank()) {
                parts.add(b);
            }
        }
        String body = String.join("\n\n", parts);
        String p = priority.toLowerCase(Locale.ROOT);
        String reason = null;
        if (body.isBlank()) {
            reason = "empty body";
        } else if (queue.isBlank()) {
            reason = "empty queue";
        } else if (p.isBlank()) {
            reason = "empty priority";
        } else if (!PRIORITY_SET.contains(p)) {
            reason = "unknown priority (not high, medium or low)";
        }
        if (reason != null) {
            skipped.merge(reason, 1, Integer::sum);
            return;
        }
        String l = language.toLowerCase(Locale.ROOT);
        rows.add(new TicketRecord(subject, body, queue, p, l.isBlank() ? null : l, answer.isBlank() ? null : answer));
    }

    /**
     * The file's data set.
     *
     * @throws DataException when the file held no row at all
     */
    TicketDataset dataset(String name, String sha256, String nothingRead) throws DataException {
        if (rows.isEmpty() && skipped.isEmpty()) {
            throw new DataException(name + ": " + nothingRead);
        }
        int skippedRows = skipped.values().stream().mapToInt(Integer::intValue).sum();
        return new TicketDataset(
                rows, skipped, List.of(new TicketDataset.Source(name, rows.size(), skippedRows, sha256)));
    }
}

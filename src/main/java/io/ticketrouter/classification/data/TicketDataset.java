package io.ticketrouter.classification.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The usable rows of one or more CSV files, together with what was skipped and why. Skipped rows
 * are counted, never dropped silently, and every file is identified by its SHA-256 for provenance.
 */
public final class TicketDataset {

    /** Where rows came from: file name, rows read (usable), rows skipped and the file's SHA-256. */
    public record Source(String file, int rows, int skippedRows, String sha256) {}

    private final List<TicketRecord> records;
    private final Map<String, Integer> skipped;
    private final List<Source> sources;

    public TicketDataset(List<TicketRecord> records, Map<String, Integer> skipped, List<Source> sources) {
        this.records = List.copyOf(records);
        this.skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
        this.sources = List.copyOf(sources);
    }

    /** Concatenates datasets in order (rows, skip reasons and sources). */
    public static TicketDataset concat(List<TicketDataset> parts) {
        List<TicketRecord> rows = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        List<Source> sources = new ArrayList<>();
        for (TicketDataset part : parts) {
            rows.addAll(part.records);
            part.skipped.forEach((reason, n) -> skipped.merge(reason, n, Integer::sum));
            sources.addAll(part.sources);
        }
        return new TicketDataset(rows, skipped, sources);
    }

    public List<TicketRecord> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    /** Number of skipped rows per reason, for example {@code "empty body" -> 3}. */
    public Map<String, Integer> skippedByReason() {
        return skipped;
    }

    public int skippedRows() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<Source> sources() {
        return sources;
    }
}

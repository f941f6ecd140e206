package io.ticketrouter.classification.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The term counts of many training rows, held as numbers: every distinct term once, in a dictionary,
 * and each row as its term numbers and counts. A row as a map of strings costs about 80 bytes per
 * distinct term (a ticket with character n-grams has several hundred), so 32,000 rows held that way
 * take gigabytes; as two int arrays they take 8 bytes per term. Term numbers follow the order the
 * terms were first seen, which can differ between runs with several threads: nothing that leaves
 * training depends on them (the vocabulary is ordered by term).
 */
public final class TermTable {

    private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Row[] rows;
    private volatile String[] terms;

    /** One row's distinct terms (ascending term numbers) and how often each occurs. */
    public record Row(int[] terms, int[] counts) {}

    /** A table for {@code size} rows, filled by {@link #put} (from any thread, once per row). */
    public TermTable(int size) {
        this.rows = new Row[size];
    }

    /** The table of rows given as term-count maps. */
    public static TermTable of(List<Map<String, Integer>> docs) {
        TermTable table = new TermTable(docs.size());
        for (int r = 0; r < docs.size(); r++) {
            table.put(r, docs.get(r));
        }
        return table;
    }

    /** Stores row {@code r}'s term counts; the map itself is not kept. */
    public void put(int r, Map<String, Integer> counts) {
        int[] ids = new int[counts.size()];
        int[] values = new int[counts.size()];
        long[] packed = new long[counts.size()];
        int k = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int id = numbers.computeIfAbsent(e.getKey(), t -> next.getAndIncrement());
            packed[k++] = ((long) id << 32) | (e.getValue() & 0xffffffffL);
        }
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            ids[i] = (int) (packed[i] >>> 32);
            values[i] = (int) packed[i];
        }
        rows[r] = new Row(ids, values);
        terms = null;
    }

    public int size() {
        return rows.length;
    }

    public Row row(int r) {
        return rows[r];
    }

    /** Number of distinct terms over all rows. */
    public int distinctTerms() {
        return next.get();
    }

    /** The term of a term number. */
    public String term(int number) {
        String[] t = terms;
        if (t == null) {
            t = new String[next.get()];
            for (Map.Entry<String, Integer> e : numbers.entrySet()) {
                t[e.getValue()] = e.getKey();
            }
            terms = t;
        }
        return t[number];
    }

    /** Sum over rows of their distinct terms. */
    public long occurrences() {
        long n = 0;
        for (Row row : rows) {
            n += row.terms().length;
        }
        return n;
    }

    /** The TF-IDF vector of every row, in row order (computed on all cores). */
    public List<SparseVector> vectors(TfidfVectorizer vectorizer) {
        int[] vocabularyIndex = new int[distinctTerms()];
        for (int id = 0; id < vocabularyIndex.length; id++) {
            vocabularyIndex[id] = vectorizer.indexOf(term(id));
        }
        return new ArrayList<>(Arrays.stream(rows)
                .parallel()
                .map(row -> vectorizer.transform(row, vocabularyIndex))
                .toList());
    }
}

package io.ticketrouter.classification.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted TF-IDF transformation: a fixed vocabulary with one IDF per term. Term frequencies are
 * sublinear ({@code 1 + ln tf}), IDF is smoothed ({@code ln((1 + n) / (1 + df)) + 1}, as scikit-learn)
 * and vectors are L2-normalised over the vocabulary. Fitting happens in {@link VocabularyFitter}
 * on training rows only; afterwards the vectorizer never changes (immutable, thread-safe).
 */
public final class TfidfVectorizer {

    private final List<String> terms;
    private final double[] idf;
    private final Map<String, Integer> index;

    public TfidfVectorizer(List<String> terms, double[] idf) {
        if (terms.size() != idf.length) {
            throw new IllegalArgumentException(
                    "vocabulary has " + terms.size() + " terms but " + idf.length + " IDF values");
        }
        this.terms = List.copyOf(terms);
        this.idf = idf.clone();
        Map<String, Integer> map = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < terms.size(); i++) {
            if (map.put(terms.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate vocabulary term \"" + terms.get(i) + "\"");
            }
        }
        this.index = Map.copyOf(map);
    }

    public int size() {
        return terms.size();
    }

    public List<String> terms() {
        return terms;
    }

    public String term(int feature) {
        return terms.get(feature);
    }

    public double idf(int feature) {
        return idf[feature];
    }

    public double[] idf() {
        return idf.clone();
    }

    /** Index of a term, or -1 when it is not in the vocabulary. */
    public int indexOf(String term) {
        Integer i = index.get(term);
        return i == null ? -1 : i;
    }

    public SparseVector transform(Map<String, Integer> counts) {
        long[] found = new long[counts.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                found[n++] = pack(i, e.getValue());
            }
        }
        return vector(found, n);
    }

    /** The vector of a training row, given the vocabulary index (or -1) of each of the table's term numbers. */
    SparseVector transform(TermTable.Row row, int[] vocabularyIndex) {
        int[] terms = row.terms();
        long[] found = new long[terms.length];
        int n = 0;
        for (int k = 0; k < terms.length; k++) {
            int i = vocabularyIndex[terms[k]];
            if (i >= 0) {
                found[n++] = pack(i, row.counts()[k]);
            }
        }
        return vector(found, n);
    }

    private static long pack(int feature, int count) {
        return ((long) feature << 32) | (count & 0xffffffffL);
    }

    /** Sublinear TF times IDF, L2-normalised, from {@code n} packed (feature, count) pairs. */
    private SparseVector vector(long[] found, int n) {
        Arrays.sort(found, 0, n);
        int[] indices = new int[n];
        double[] values = new double[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            int i = (int) (found[k] >>> 32);
            indices[k] = i;
            values[k] = (1 + Math.log((int) found[k])) * idf[i];
            norm += values[k] * values[k];
        }
        if (norm > 0) {
            norm = Math.sqrt(norm);
            for (int k = 0; k < values.length; k++) {
                values[k] /= norm;
            }
        }
        return new SparseVector(indices, values);
    }

    @Override
    public String toString() {
        return "TfidfVectorizer[" + terms.size() + " terms, idf range "
                + Arrays.stream(idf).min().orElse(0) + ".."
                + Arrays.stream(idf).max().orElse(0) + "]";
    }
}

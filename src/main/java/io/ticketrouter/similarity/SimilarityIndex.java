package io.ticketrouter.similarity;

import io.ticketrouter.classification.text.TextAnalyzer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IORunnable;

/**
 * The texts of stored tickets in a Lucene index, asked for the ones nearest to a given text.
 *
 * <p>Each ticket's subject and body are analysed by the classifier's {@link TextAnalyzer} (language-aware tokens,
 * stopwords, Snowball stems) and indexed as those terms with their term vectors. A question is answered in two steps:
 * Lucene's BM25 retrieves candidates that share the question's most telling terms, then each candidate gets its
 * cosine similarity between TF-IDF vectors (weights {@code (1 + ln tf) * idf}, idf from this index), a score from
 * 0 (no term in common) to 1 (the same terms in the same proportions). Ties go to resolved tickets, then to newer
 * ones.
 *
 * <p>The index holds only ids, versions, a resolved flag and the terms: whatever is shown of a ticket comes from the
 * database, so the index can be rebuilt from it at any time. Thread-safe: writes may run beside searches; a search
 * sees every write made before it began.
 */
public final class SimilarityIndex implements Closeable {

    /** What the index keeps of one ticket. {@code text} is subject and body; {@code language} as the model said. */
    public record Entry(long id, long version, String language, String text, boolean resolved) {}

    /** A ticket near the question: its id, similarity (0 to 1) and whether it is resolved. */
    public record Match(long id, double similarity, boolean resolved) {}

    /**
     * Terms of the question that are looked up at most (the most telling ones); the cosine uses all of them. With 16
     * terms and 2 candidates per result a look-up at 100,000 tickets takes less than half the time of 24 and 4, with
     * the same hit@5 on the shared split (docs/performance.md).
     */
    static final int QUERY_TERMS = 16;

    /** Candidates re-ranked per result asked for (at least {@link #MIN_CANDIDATES}). */
    static final int CANDIDATES_PER_RESULT = 2;

    static final int MIN_CANDIDATES = 20;

    private static final Logger LOG = Logger.getLogger(SimilarityIndex.class.getName());
    private static final String ID = "id";
    private static final String ID_VALUE = "id_value";
    private static final String VERSION = "version";
    private static final String RESOLVED = "resolved";
    private static final String TERMS = "terms";
    private static final FieldType TERMS_TYPE = termsType();

    private final Directory directory;
    private final TextAnalyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean unrefreshed = new AtomicBoolean();
    private final AtomicBoolean uncommitted = new AtomicBoolean();
    private final boolean rebuilt;

    /**
     * The terms looked up in the current reader, with their document frequencies and where they are in the index: the
     * re-ranking needs the IDF of every term of every candidate, and the query's terms are found again for each
     * look-up; a term-dictionary seek per term was the largest cost of a look-up (profiled at 100,000 tickets).
     * Replaced whenever the reader changes, so the figures are always those of the reader searched.
     */
    private volatile TermCache termCache = new TermCache(null);

    private record TermCache(IndexReader reader, Map<BytesRef, TermStates> states) {

        /** Terms kept per reader at most (about 200 bytes each); beyond, a term is looked up each time. */
        static final int MAX_TERMS = 200_000;

        TermCache(IndexReader reader) {
            this(reader, new java.util.concurrent.ConcurrentHashMap<>());
        }

        TermStates of(IndexSearcher searcher, BytesRef term) throws IOException {
            TermStates known = states.get(term);
            if (known != null) {
                return known;
            }
            TermStates found = TermStates.build(searcher, new Term(TERMS, term), true);
            if (states.size() < MAX_TERMS) {
                states.put(BytesRef.deepCopyOf(term), found);
            }
            return found;
        }
    }

    private TermCache termCache(IndexReader reader) {
        TermCache current = termCache;
        if (current.reader() != reader) {
            current = new TermCache(reader);
            termCache = current;
        }
        return current;
    }

    private SimilarityIndex(Directory directory, TextAnalyzer analyzer, boolean rebuilt) throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.rebuilt = rebuilt;
        IndexWriterConfig config = new IndexWriterConfig(new PreAnalyzed.UnusedAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(32);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * The index in {@code dir}, created when missing. An index that cannot be read (damaged, written by an
     * incompatible release, left half-written) is deleted and started empty; {@link #startedEmpty()} then says so, and
     * the caller fills it from the database. Throws {@link org.apache.lucene.store.LockObtainFailedException} when
     * another process writes to the directory.
     */
    public static SimilarityIndex open(Path dir, TextAnalyzer analyzer) throws IOException {
        Files.createDirectories(dir);
        boolean readable;
        try (Directory d = FSDirectory.open(dir)) {
            readable = DirectoryReader.indexExists(d) && readable(d, dir);
        }
        if (!readable) {
            deleteContents(dir);
        }
        return new SimilarityIndex(FSDirectory.open(dir), analyzer, !readable);
    }

    private static boolean readable(Directory d, Path dir) {
        try (DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The similar-ticket index in {0} cannot be read ({1}); it is rebuilt from the database",
                    new Object[] {dir, e.toString()});
            return false;
        }
    }

    /** An index in memory only (evaluation, tests, a data directory that another process holds). */
    public static SimilarityIndex inMemory(TextAnalyzer analyzer) {
        try {
            return new SimilarityIndex(new ByteBuffersDirectory(), analyzer, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the index was created empty at opening (missing or unreadable before). */
    public boolean startedEmpty() {
        return rebuilt;
    }

    /** Adds the ticket or replaces what the index had of it. */
    public void put(Entry entry) {
        try {
            writer.updateDocument(new Term(ID, Long.toString(entry.id())), document(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed();
    }

    /**
     * Adds the tickets or replaces what the index had of them. Their texts are analysed on all cores (a rebuild of the
     * index from the database is mostly that analysis), then written by this thread alone, so that a rebuilt index
     * is one segment rather than one per writing thread (a look-up searches every segment).
     */
    public void putAll(List<Entry> entries) {
        List<Document> documents = entries.parallelStream().map(this::document).toList();
        try {
            for (int i = 0; i < entries.size(); i++) {
                writer.updateDocument(new Term(ID, Long.toString(entries.get(i).id())), documents.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed();
    }

    /** Removes the ticket; nothing happens when the index does not have it. */
    public void remove(long id) {
        try {
            writer.deleteDocuments(new Term(ID, Long.toString(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed();
    }

    /** Every ticket in the index with the version it was indexed at. */
    public Map<Long, Long> versions() {
        return withSearcher(searcher -> {
            Map<Long, Long> versions = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                NumericDocValues ids = leaf.reader().getNumericDocValues(ID_VALUE);
                NumericDocValues vs = leaf.reader().getNumericDocValues(VERSION);
                if (ids == null || vs == null) {
                    continue;
                }
                for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        vs.advanceExact(doc);
                        versions.put(ids.longValue(), vs.longValue());
                    }
                }
            }
            return versions;
        });
    }

    /** How many tickets the index holds. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /**
     * The {@code limit} tickets nearest to the text, most similar first, without the ticket {@code excludeId} (the
     * question itself when it is stored; any negative value excludes nothing). When the index holds {@code excludeId},
     * its indexed terms are the question (the terms the analyser gives for its text, read instead of analysed again);
     * otherwise {@code text} is analysed. Tickets sharing no term are not returned.
     */
    public List<Match> nearest(String text, String language, long excludeId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return withSearcher(searcher -> {
            Map<BytesRef, Integer> question = excludeId >= 0 ? storedTerms(searcher.getIndexReader(), excludeId) : null;
            if (question == null) {
                question = termCounts(analyzer.terms(text, language));
            }
            return question.isEmpty() ? List.<Match>of() : nearest(searcher, question, excludeId, limit);
        });
    }

    /** The terms the index holds for the ticket, with their counts; null when it does not hold the ticket. */
    private static Map<BytesRef, Integer> storedTerms(IndexReader reader, long id) throws IOException {
        BytesRef key = new BytesRef(Long.toString(id));
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum postings = leaf.reader().postings(new Term(ID, key), PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    Terms terms = leaf.reader().termVectors().get(doc, TERMS);
                    Map<BytesRef, Integer> counts = new HashMap<>();
                    if (terms != null) {
                        TermsEnum te = terms.iterator();
                        for (BytesRef term = te.next(); term != null; term = te.next()) {
                            counts.put(BytesRef.deepCopyOf(term), (int) te.totalTermFreq());
                        }
                    }
                    return counts;
                }
            }
        }
        return null;
    }

    /** A read of the index as it is after the latest change. */
    private interface Read<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(Read<T> read) {
        refresh();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.from(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Match> nearest(IndexSearcher searcher, Map<BytesRef, Integer> question, long excludeId, int limit)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        int docs = reader.numDocs();
        if (docs == 0) {
            return List.of();
        }
        TermCache cache = termCache(reader);
        Map<BytesRef, Double> weights = new HashMap<>();
        Map<BytesRef, TermStates> found = new HashMap<>();
        double questionNorm = 0;
        for (Map.Entry<BytesRef, Integer> t : question.entrySet()) {
            BytesRef term = t.getKey();
            TermStates states = cache.of(searcher, term);
            int df = states.docFreq();
            double w = tf(t.getValue()) * idf(docs, df);
            questionNorm += w * w;
            if (df > 0) { // a term no stored ticket has adds nothing to any dot product, only to the norm
                weights.put(term, w);
                found.put(term, states);
            }
        }
        if (weights.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        weights.entrySet().stream()
                .sorted(Map.Entry.<BytesRef, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey())) // the same terms whatever the map's order
                .limit(QUERY_TERMS)
                .forEach(t -> query.add(
                        new TermQuery(new Term(TERMS, t.getKey()), found.get(t.getKey())), BooleanClause.Occur.SHOULD));
        // the question itself, when stored, is dropped from the candidates (one more is asked for) rather than excluded
        // in the query, which would keep Lucene from skipping blocks of documents that cannot make the top
        int candidates = Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT) + (excludeId >= 0 ? 1 : 0);
        ScoreDoc[] hits = searcher.search(query.build(), candidates).scoreDocs;
        TermVectors vectors = reader.termVectors();
        List<Match> matches = new ArrayList<>(hits.length);
        double qn = Math.sqrt(questionNorm);
        for (ScoreDoc hit : hits) {
            long id = longValue(reader, hit.doc, ID_VALUE);
            Terms terms = id == excludeId ? null : vectors.get(hit.doc, TERMS);
            if (terms == null) {
                continue;
            }
            double dot = 0;
            double norm = 0;
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                double w = tf(te.totalTermFreq())
                        * idf(docs, Math.max(1, cache.of(searcher, term).docFreq()));
                norm += w * w;
                Double qw = weights.get(term);
                if (qw != null) {
                    dot += qw * w;
                }
            }
            if (dot <= 0 || norm <= 0) {
                continue;
            }
            matches.add(new Match(
                    id, Math.min(1.0, dot / (qn * Math.sqrt(norm))), longValue(reader, hit.doc, RESOLVED) == 1));
        }
        matches.sort(RANKING);
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    /** Most similar first; on equal similarity (to three decimals) resolved first, then newer (higher id). */
    static final Comparator<Match> RANKING = Comparator.comparingLong((Match m) -> -Math.round(m.similarity() * 1000))
            .thenComparing(m -> !m.resolved())
            .thenComparing(Comparator.comparingLong(Match::id).reversed());

    /** Makes the writes so far durable in the directory (they are searchable before that). */
    public void commit() {
        onceIfSet(uncommitted, writer::commit);
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close(); // commits
        } finally {
            directory.close();
        }
    }

    private void changed() {
        unrefreshed.set(true);
        uncommitted.set(true);
    }

    private void refresh() {
        onceIfSet(unrefreshed, searchers::maybeRefreshBlocking);
    }

    /** Work the index owes (a commit, a refresh): done when its flag is set, which it clears, set again on failure. */
    private static void onceIfSet(AtomicBoolean owed, IORunnable action) {
        if (owed.getAndSet(false)) {
            try {
                action.run();
            } catch (IOException e) {
                owed.set(true);
                throw new UncheckedIOException(e);
            }
        }
    }

    private Document document(Entry entry) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(entry.id()), Field.Store.NO));
        doc.add(new LongPoint(ID_VALUE, entry.id()));
        doc.add(new NumericDocValuesField(ID_VALUE, entry.id()));
        doc.add(new NumericDocValuesField(VERSION, entry.version()));
        doc.add(new NumericDocValuesField(RESOLVED, entry.resolved() ? 1 : 0));
        doc.add(new Field(TERMS, new PreAnalyzed(analyzer.terms(entry.text(), entry.language())), TERMS_TYPE));
        return doc;
    }

    private static long longValue(IndexReader reader, int doc, String field) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(field);
        return values != null && values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
    }

    private static Map<BytesRef, Integer> termCounts(List<String> terms) {
        Map<BytesRef, Integer> counts = new HashMap<>();
        terms.forEach(t -> counts.merge(new BytesRef(t), 1, Integer::sum));
        return counts;
    }

    private static double tf(long count) {
        return 1 + Math.log(count);
    }

    private static double idf(int docs, int df) {
        return Math.log((docs + 1.0) / (df + 1.0)) + 1;
    }

    private static FieldType termsType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setStoreTermVectors(true);
        type.setOmitNorms(false);
        type.freeze();
        return type;
    }

    /** Deletes the index files; the lock file is kept (another process holding it must keep it). */
    private static void deleteContents(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
                    Files.delete(f);
                }
            }
        }
    }
}

package io.ticketrouter.similarity;

import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Terms that {@link io.ticketrouter.classification.text.TextAnalyzer} already produced, handed to Lucene as they are:
 * the index and the classifier see the same words.
 */
final class PreAnalyzed extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final List<String> terms;
    private Iterator<String> next;

    PreAnalyzed(List<String> terms) {
        this.terms = terms;
    }

    @Override
    public boolean incrementToken() {
        if (!next.hasNext()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(next.next());
        return true;
    }

    @Override
    public void reset() {
        next = terms.iterator();
    }

    /** The writer's analyzer: never used, every analysed field comes as a {@link PreAnalyzed} stream. */
    static final class UnusedAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            throw new UnsupportedOperationException("fields of the similarity index come analysed");
        }
    }
}

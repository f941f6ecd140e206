package io.ticketrouter.classification.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The pretrained OpenNLP models (language detector, en and de tokenizers), read from the Maven model
 * artifacts on the class path once per JVM (lazy holder idiom) and shared: the models are immutable,
 * the tools built from them ({@code TokenizerME}, {@code LanguageDetectorME}) are created per call.
 */
public final class NlpModels {

    static final String LANGDETECT = "/langdetect-183.bin";
    static final String TOKENIZER_EN = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String TOKENIZER_DE = "/opennlp-de-ud-gsd-tokens-1.3-2.5.4.bin";

    private NlpModels() {}

    public static LanguageDetectorModel languageDetector() {
        return LangHolder.MODEL;
    }

    public static TokenizerModel englishTokenizer() {
        return EnHolder.MODEL;
    }

    public static TokenizerModel germanTokenizer() {
        return DeHolder.MODEL;
    }

    /** OpenNLP version, for provenance. */
    public static String openNlpVersion() {
        return opennlp.tools.util.Version.currentVersion().toString();
    }

    private static final class LangHolder {
        static final LanguageDetectorModel MODEL = load(LANGDETECT, LanguageDetectorModel::new);
    }

    private static final class EnHolder {
        static final TokenizerModel MODEL = load(TOKENIZER_EN, TokenizerModel::new);
    }

    private static final class DeHolder {
        static final TokenizerModel MODEL = load(TOKENIZER_DE, TokenizerModel::new);
    }

    private interface Loader<T> {
        T load(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, Loader<T> loader) {
        try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource
                        + " is not on the class path (opennlp-models-* dependency missing?)");
            }
            return loader.load(new java.io.BufferedInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
        }
    }
}

package io.ticketrouter.classification.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/**
 * Detects the language of a ticket with OpenNLP's pretrained detector and maps its ISO 639-3 codes
 * to the ISO 639-1 codes the rest of the system uses. Languages other than en, de, es, fr and pt map
 * to {@link #FALLBACK}, which is analysed with the generic rule-based path.
 */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "de", "es", "fr", "pt");
    public static final String FALLBACK = "other";

    /** Detection looks at this many leading characters: enough for a stable answer, bounded cost. */
    static final int DETECTION_PREFIX = 400;

    private static final Map<String, String> ISO3 =
            Map.of("eng", "en", "deu", "de", "ger", "de", "spa", "es", "fra", "fr", "fre", "fr", "por", "pt");

    private Languages() {}

    /** Normalises a given code (e.g. a CSV value "EN" or "deu") to a supported code or {@link #FALLBACK}. */
    public static String normalize(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (SUPPORTED.contains(c)) {
            return c;
        }
        return ISO3.getOrDefault(c, FALLBACK);
    }

    /** The language of the text: one of {@link #SUPPORTED} or {@link #FALLBACK}. */
    public static String detect(CharSequence text) {
        CharSequence sample = text.length() > DETECTION_PREFIX ? text.subSequence(0, DETECTION_PREFIX) : text;
        if (sample.toString().isBlank()) {
            return FALLBACK;
        }
        Language best = new LanguageDetectorME(NlpModels.languageDetector()).predictLanguage(sample);
        return best == null ? FALLBACK : ISO3.getOrDefault(best.getLang(), FALLBACK);
    }
}

package io.ticketrouter.classification.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;

/**
 * Turns a text in a known language into terms: OpenNLP tokenization (the pretrained en / de models;
 * es, fr, pt and others use the rule-based {@link SimpleTokenizer} because no tokenizer model for
 * them is served by the Maven repository reachable here), lower-casing with {@link Locale#ROOT}
 * (keeps umlauts, ß and accents, unlike the seed recipe's a-z filter), removal of stopwords from the
 * shipped per-language lists, of tokens without a letter and of placeholders like {@code <name>},
 * and optional Snowball stemming (note: Snowball's German and Spanish algorithms themselves fold
 * ä/ö/ü and á/é/í/ó/ú inside stems, consistently at training and prediction; tokens keep them).
 *
 * <p>Immutable and thread-safe: {@code TokenizerME} and the stemmers are not, so they are created
 * per call (TokenizerME) or held per thread (stemmers) from shared immutable models.
 */
public final class TextAnalyzer {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z_]+>");
    private static final Pattern URLISH = Pattern.compile("\\S+@\\S+|https?://\\S+");

    private final boolean stem;
    private final Map<String, Set<String>> stopwords;
    private final ThreadLocal<Map<String, SnowballStemmer>> stemmers = ThreadLocal.withInitial(HashMap::new);

    public TextAnalyzer(boolean stem) {
        this.stem = stem;
        Map<String, Set<String>> lists = new HashMap<>();
        Set<String> all = new HashSet<>();
        for (String lang : Languages.SUPPORTED) {
            Set<String> words = loadStopwords(lang);
            lists.put(lang, Set.copyOf(words));
            all.addAll(words);
        }
        lists.put(Languages.FALLBACK, Set.copyOf(all));
        this.stopwords = Map.copyOf(lists);
    }

    public boolean stemming() {
        return stem;
    }

    /** Terms of the text in the given language (one of {@link Languages#SUPPORTED} or {@link Languages#FALLBACK}). */
    public List<String> terms(String text, String language) {
        String lang = language == null || !stopwords.containsKey(language) ? Languages.FALLBACK : language;
        String cleaned =
                URLISH.matcher(PLACEHOLDER.matcher(text).replaceAll(" ")).replaceAll(" ");
        String[] tokens = tokenizer(lang).tokenize(cleaned);
        Set<String> stops = stopwords.get(lang);
        List<String> out = new ArrayList<>(tokens.length);
        for (String token : tokens) {
            String t = token.toLowerCase(Locale.ROOT);
            if (t.length() < 2 || !hasLetter(t) || stops.contains(t)) {
                continue;
            }
            t = trimPunctuation(t);
            if (t.length() < 2 || stops.contains(t)) {
                continue;
            }
            out.add(stem ? stem(t, lang) : t);
        }
        return out;
    }

    private static Tokenizer tokenizer(String lang) {
        return switch (lang) {
            case "en" -> new TokenizerME(NlpModels.englishTokenizer());
            case "de" -> new TokenizerME(NlpModels.germanTokenizer());
            default -> SimpleTokenizer.INSTANCE;
        };
    }

    private String stem(String term, String lang) {
        SnowballStemmer.ALGORITHM algorithm = switch (lang) {
            case "en" -> SnowballStemmer.ALGORITHM.ENGLISH;
            case "de" -> SnowballStemmer.ALGORITHM.GERMAN;
            case "es" -> SnowballStemmer.ALGORITHM.SPANISH;
            case "fr" -> SnowballStemmer.ALGORITHM.FRENCH;
            case "pt" -> SnowballStemmer.ALGORITHM.PORTUGUESE;
            default -> null;
        };
        if (algorithm == null) {
            return term;
        }
        return stemmers.get()
                .computeIfAbsent(lang, l -> new SnowballStemmer(algorithm))
                .stem(term)
                .toString();
    }

    private static boolean hasLetter(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetter(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Strips leading / trailing characters that are neither letters nor digits (e.g. "'s", "-"). */
    private static String trimPunctuation(String t) {
        int start = 0;
        int end = t.length();
        while (start < end && !Character.isLetterOrDigit(t.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(start, end);
    }

    private static Set<String> loadStopwords(String lang) {
        String resource = "stopwords/" + lang + ".txt";
        try (InputStream in = TextAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("stopword list " + resource + " missing from the class path");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

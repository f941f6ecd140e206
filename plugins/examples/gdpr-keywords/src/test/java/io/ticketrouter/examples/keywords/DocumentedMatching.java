package io.ticketrouter.examples.keywords;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keywords of a list that the server would find in a ticket, by the matching rules that
 * {@link io.ticketrouter.spi.UrgentKeywordList} documents: case-insensitive, whole words and phrases, one space in a
 * phrase matching any run of whitespace, accents significant, the typographic apostrophe counting as {@code '},
 * keywords of the ticket's language plus {@code "*"} (every keyword when no language of the list is the ticket's).
 * For checking a list's contents against tickets; the server's own matcher is tested with the server.
 */
final class DocumentedMatching {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}\\p{M}]";

    private DocumentedMatching() {}

    static Set<String> found(Map<String, Set<String>> keywords, String language, String text) {
        Set<String> candidates = keywords.containsKey(language)
                ? union(keywords.get(language), keywords.getOrDefault("*", Set.of()))
                : keywords.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        String normalized = normalize(text);
        return candidates.stream()
                .filter(keyword -> pattern(keyword).matcher(normalized).find())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Pattern pattern(String keyword) {
        String phrase =
                Arrays.stream(normalize(keyword).split(" ")).map(Pattern::quote).collect(Collectors.joining("\\s+"));
        return Pattern.compile(
                "(?<!" + WORD_CHAR + ")" + phrase + "(?!" + WORD_CHAR + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replace('\u2019', '\'');
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}

package io.ticketrouter.routing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds urgent keywords in a ticket. Immutable and thread-safe; built once per plugin snapshot.
 *
 * <p>The rules are those documented in the built-in {@code urgent-keywords.txt}:
 * <ul>
 *   <li>case-insensitive (Unicode lower case, locale-independent) on the NFC form of text and keyword, so a
 *       decomposed "é" in the ticket matches a composed one in the list;</li>
 *   <li>whole words and whole phrases: the characters just before and after a match are not letters or digits
 *       ("hacked" does not match "unhacked", "outage" not "outages");</li>
 *   <li>inside a phrase one space matches any run of whitespace; other separators (hyphen, apostrophe) must be the
 *       same, the typographic apostrophe (U+2019) counting as the ASCII one;</li>
 *   <li>accents are significant ("piraté" is not "pirate"): lists spell out the unaccented variants they accept;</li>
 *   <li>a keyword applies to tickets of its language, and {@code "*"} keywords to all; a ticket in a language no
 *       list has keywords for is checked against every keyword.</li>
 * </ul>
 * Text is split once into words and separators; candidate keywords are looked up by their first word.
 */
final class KeywordMatcher {

    /** One keyword of one list. */
    record Entry(String list, String language, String keyword) {}

    /** A keyword found in a ticket. */
    record Match(String list, String language, String keyword) {}

    static final KeywordMatcher EMPTY = new KeywordMatcher(List.of());

    private record Compiled(Entry entry, String[] words, String[] separators) {}

    private final Map<String, Map<String, List<Compiled>>> byLanguageAndFirstWord;

    KeywordMatcher(List<Entry> entries) {
        Map<String, Map<String, List<Compiled>>> index = new HashMap<>();
        for (Entry entry : entries) {
            Tokens tokens = Tokens.of(entry.keyword());
            if (tokens.words.isEmpty() || !tokens.leading.isEmpty() || !tokens.trailing.isEmpty()) {
                throw new IllegalArgumentException("keyword '" + entry.keyword() + "' of " + entry.list()
                        + " must start and end with a letter or digit");
            }
            Compiled compiled =
                    new Compiled(entry, tokens.words.toArray(String[]::new), tokens.separators.toArray(String[]::new));
            index.computeIfAbsent(entry.language(), language -> new HashMap<>())
                    .computeIfAbsent(compiled.words[0], word -> new ArrayList<>())
                    .add(compiled);
        }
        Map<String, Map<String, List<Compiled>>> frozen = new HashMap<>();
        index.forEach((language, byWord) -> {
            Map<String, List<Compiled>> copy = new HashMap<>();
            byWord.forEach((word, list) -> copy.put(word, List.copyOf(list)));
            frozen.put(language, Map.copyOf(copy));
        });
        this.byLanguageAndFirstWord = Map.copyOf(frozen);
    }

    /** Every distinct keyword found in {@code text}, in the order of their first occurrence. */
    List<Match> find(String language, String text) {
        if (byLanguageAndFirstWord.isEmpty() || text == null || text.isEmpty()) {
            return List.of();
        }
        List<Map<String, List<Compiled>>> indexes = new ArrayList<>();
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        if (byLanguageAndFirstWord.containsKey(lang)) {
            indexes.add(byLanguageAndFirstWord.get(lang));
            if (!lang.equals("*") && byLanguageAndFirstWord.containsKey("*")) {
                indexes.add(byLanguageAndFirstWord.get("*"));
            }
        } else {
            indexes.addAll(byLanguageAndFirstWord.values());
        }
        Tokens tokens = Tokens.of(text);
        Set<Match> found = new LinkedHashSet<>();
        for (int i = 0; i < tokens.words.size(); i++) {
            for (Map<String, List<Compiled>> index : indexes) {
                List<Compiled> candidates = index.get(tokens.words.get(i));
                if (candidates == null) {
                    continue;
                }
                for (Compiled candidate : candidates) {
                    if (matchesAt(candidate, tokens, i)) {
                        Entry e = candidate.entry();
                        found.add(new Match(e.list(), e.language(), e.keyword()));
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static boolean matchesAt(Compiled keyword, Tokens text, int start) {
        if (start + keyword.words.length > text.words.size()) {
            return false;
        }
        for (int k = 1; k < keyword.words.length; k++) {
            if (!keyword.separators[k - 1].equals(text.separators.get(start + k - 1))
                    || !keyword.words[k].equals(text.words.get(start + k))) {
                return false;
            }
        }
        return true;
    }

    /** Words (maximal runs of letters, digits and combining marks) and the normalized separators between them. */
    private static final class Tokens {
        final List<String> words = new ArrayList<>();
        final List<String> separators = new ArrayList<>();
        String leading = "";
        String trailing = "";

        static Tokens of(String raw) {
            String s = Normalizer.normalize(raw, Normalizer.Form.NFC)
                    .toLowerCase(Locale.ROOT)
                    .replace('\u2019', '\'');
            Tokens t = new Tokens();
            int i = 0;
            int n = s.length();
            StringBuilder sep = new StringBuilder();
            while (i < n) {
                int cp = s.codePointAt(i);
                if (isWordChar(cp)) {
                    int start = i;
                    while (i < n && isWordChar(s.codePointAt(i))) {
                        i += Character.charCount(s.codePointAt(i));
                    }
                    if (t.words.isEmpty()) {
                        t.leading = normalizeSeparator(sep);
                    } else {
                        t.separators.add(normalizeSeparator(sep));
                    }
                    sep.setLength(0);
                    t.words.add(s.substring(start, i));
                } else {
                    sep.appendCodePoint(cp);
                    i += Character.charCount(cp);
                }
            }
            t.trailing = normalizeSeparator(sep);
            return t;
        }

        private static boolean isWordChar(int cp) {
            int type = Character.getType(cp);
            return Character.isLetterOrDigit(cp)
                    || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }

        /** Whitespace runs become one space; everything else is kept as is. */
        private static String normalizeSeparator(CharSequence sep) {
            if (sep.isEmpty()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            boolean inSpace = false;
            for (int i = 0; i < sep.length(); i++) {
                char c = sep.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    if (!inSpace) {
                        out.append(' ');
                    }
                    inSpace = true;
                } else {
                    out.append(c);
                    inSpace = false;
                }
            }
            return out.toString();
        }
    }

    /** Groups matches by list, keeping the order of lists as given. */
    static Map<String, List<Match>> byList(List<Match> matches) {
        Map<String, List<Match>> grouped = new LinkedHashMap<>();
        for (Match m : matches) {
            grouped.computeIfAbsent(m.list(), list -> new ArrayList<>()).add(m);
        }
        return grouped;
    }
}

package io.ticketrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    private static final KeywordMatcher MATCHER = new KeywordMatcher(List.of(
            new KeywordMatcher.Entry("list", "en", "data breach"),
            new KeywordMatcher.Entry("list", "en", "hacked"),
            new KeywordMatcher.Entry("list", "fr", "piraté"),
            new KeywordMatcher.Entry("list", "fr", "production à l'arrêt"),
            new KeywordMatcher.Entry("list", "de", "Großstörung"),
            new KeywordMatcher.Entry("list", "en", "e-mail outage"),
            new KeywordMatcher.Entry("other", "*", "GDPR")));

    private static List<String> found(String language, String text) {
        return MATCHER.find(language, text).stream()
                .map(KeywordMatcher.Match::keyword)
                .toList();
    }

    @Test
    void matchesWholePhrasesCaseInsensitivelyAcrossWhitespaceRuns() {
        assertEquals(List.of("data breach"), found("en", "We had a DATA\n  Breach last night."));
        assertEquals(List.of("hacked"), found("en", "account hacked!"));
    }

    @Test
    void doesNotMatchInsideWords() {
        assertEquals(List.of(), found("en", "the unhacked version"));
        assertEquals(List.of(), found("en", "data breaches are bad"));
        assertEquals(List.of(), found("en", "data, breach"));
    }

    @Test
    void accentsAreSignificantButCompositionAndCaseAreNot() {
        assertEquals(List.of("piraté"), found("fr", "Mon compte a été PIRATÉ hier"));
        assertEquals(List.of("piraté"), found("fr", "Mon compte a été pirate\u0301 hier"), "decomposed é");
        assertEquals(List.of(), found("fr", "un logiciel pirate"), "pirate (no accent) is another word");
        assertEquals(List.of("Großstörung"), found("de", "Seit heute früh eine GROßSTÖRUNG im Netz"));
    }

    @Test
    void typographicApostropheEqualsAsciiOneAndHyphensAreLiteral() {
        assertEquals(List.of("production à l'arrêt"), found("fr", "Toute la production à l\u2019arrêt depuis 8h"));
        assertEquals(List.of("e-mail outage"), found("en", "E-Mail outage since 9am"));
        assertEquals(List.of(), found("en", "e mail outage"));
    }

    @Test
    void keywordsApplyToTheirLanguageAndStarToAll() {
        assertEquals(List.of(), found("de", "we had a data breach"), "English keyword, German ticket");
        assertEquals(List.of("GDPR"), found("de", "Anfrage nach GDPR"));
        assertEquals(List.of("data breach", "GDPR"), found("en", "data breach and GDPR"));
    }

    @Test
    void ticketsInOtherLanguagesAreCheckedAgainstEveryKeyword() {
        assertEquals(List.of("data breach", "piraté"), found("it", "data breach: sistema piraté"));
    }

    @Test
    void rejectsKeywordsThatDoNotStartAndEndWithALetterOrDigit() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new KeywordMatcher(List.of(new KeywordMatcher.Entry("mine", "en", "down!"))));
        assertTrue(e.getMessage().contains("'down!' of mine"), e.getMessage());
    }
}

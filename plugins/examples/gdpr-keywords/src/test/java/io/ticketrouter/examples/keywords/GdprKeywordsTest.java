package io.ticketrouter.examples.keywords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.UrgentKeywordList;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gdpr-keywords: data-protection requests are urgent in en, de, es, fr and pt; {@code extra} adds words for all. */
class GdprKeywordsTest {

    private static final Set<String> LANGUAGES = Set.of("en", "de", "es", "fr", "pt");

    private static GdprKeywords configured(String extra) {
        GdprKeywords list = new GdprKeywords();
        list.configure(new PluginContext() {
            @Override
            public String pluginName() {
                return list.name();
            }

            @Override
            public Optional<String> get(String key) {
                if (!list.configurationKeys().contains(key)) {
                    throw new IllegalArgumentException("undeclared key " + key);
                }
                return Optional.ofNullable(extra).map(String::trim).filter(v -> !v.isEmpty());
            }

            @Override
            public Set<String> queues() {
                return Set.of();
            }

            @Override
            public Set<String> priorities() {
                return Set.of("high", "medium", "low");
            }
        });
        return list;
    }

    @Test
    void identity() {
        GdprKeywords list = new GdprKeywords();
        assertEquals("gdpr-keywords", list.name());
        assertTrue(RoutingApi.isCompatible(list.apiVersion(), RoutingApi.VERSION));
        assertEquals(Set.of("extra"), list.configurationKeys());
    }

    @Test
    void serviceLoaderFindsTheList() {
        assertEquals(
                Set.of(GdprKeywords.class),
                ServiceLoader.load(UrgentKeywordList.class, getClass().getClassLoader()).stream()
                        .map(ServiceLoader.Provider::type)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void everySupportedLanguageHasItsOwnKeywords() {
        Map<String, Set<String>> keywords = configured(null).keywords();
        assertEquals(LANGUAGES, keywords.keySet(), "no extra words, no '*' list");
        assertTrue(keywords.get("en").contains("GDPR"));
        assertTrue(keywords.get("de").contains("DSGVO"));
        assertTrue(keywords.get("es").contains("RGPD"));
        assertTrue(keywords.get("fr").contains("RGPD"));
        assertTrue(keywords.get("pt").containsAll(Set.of("RGPD", "LGPD")));
        assertEquals(keywords, new GdprKeywords().keywords(), "the same list before configure");
    }

    @Test
    void everyKeywordIsOneTheServerAccepts() {
        configured("privacy breach, Schrems II").keywords().forEach((language, words) -> {
            assertTrue(language.equals("*") || language.matches("[a-z]{2,3}"), language);
            assertTrue(!words.isEmpty(), language);
            for (String word : words) {
                assertTrue(
                        word.matches("[\\p{L}\\p{N}](.*[\\p{L}\\p{N}])?"),
                        "'" + word + "' must start and end with a letter or digit");
            }
        });
    }

    @Test
    void everyAccentedKeywordIsAlsoListedWithoutAccents() {
        // the server's matching keeps accents significant, and customers often type without them
        configured(null).keywords().forEach((language, words) -> {
            for (String word : words) {
                String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                assertTrue(words.contains(plain), language + ": '" + word + "' without its unaccented '" + plain + "'");
            }
        });
    }

    @Test
    void theListCannotBeChangedByItsUsers() {
        Map<String, Set<String>> keywords = configured("privacy breach").keywords();
        assertThrows(UnsupportedOperationException.class, () -> keywords.put("it", Set.of("GDPR")));
        for (Set<String> words : keywords.values()) {
            assertThrows(UnsupportedOperationException.class, () -> words.add("anything"));
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "en | Please delete my account under the GDPR.                        | GDPR",
                "en | I am invoking my right to be forgotten.                         | right to be forgotten",
                "en | This is a subject access request.                               | subject access request",
                "en | Who handles DATA PROTECTION at your company?                    | data protection",
                "de | Auskunftsersuchen nach Art. 15 DSGVO                            | Auskunftsersuchen, DSGVO",
                "de | Meldung einer Datenschutzverletzung                             | Datenschutzverletzung",
                "es | Solicitud de protección de datos                                | protección de datos",
                "es | Solicitud de proteccion de datos (sin tildes)                   | proteccion de datos",
                "es | \"Ejerzo mi derecho al\n   olvido.\"                            | derecho al olvido",
                "fr | J’exerce mon droit à l’oubli.                                   | droit à l'oubli",
                "fr | Suppression de mes donnees personnelles, svp                    | donnees personnelles",
                "pt | Pedido com base na LGPD                                         | LGPD",
                "pt | Quero exercer o direito ao esquecimento.                        | direito ao esquecimento",
                "pt | Dúvida sobre proteção de dados                                  | proteção de dados",
            })
    void aDataProtectionRequestIsUrgent(String language, String text, String expected) {
        assertEquals(
                new TreeSet<>(Set.of(expected.split(", "))),
                DocumentedMatching.found(configured(null).keywords(), language, text));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Where can I read your data protections policy?", // not the whole word
                "en | The protection of data in transit, how is it done?",
                "en | Bitte beachten Sie die DSGVO.", // German keyword, English ticket
                "de | Wo finde ich Ihre Datenschutzerklärung?", // privacy policy: a compound, not the keyword
                "es | Necesito la factura de abril, por favor.",
                "es | Solicitud de protección de los datos",
                "fr | Protection de données, où en êtes-vous ?", // "des" missing
                "pt | Proteção dos dados do cartão",
            })
    void otherTicketsAreNot(String language, String text) {
        assertEquals(Set.of(), DocumentedMatching.found(configured(null).keywords(), language, text));
    }

    @Test
    void extraWordsApplyToEveryLanguage() {
        Map<String, Set<String>> keywords =
                configured(" privacy breach , Schrems II,, ").keywords();
        assertEquals(Set.of("privacy breach", "Schrems II"), keywords.get("*"));
        for (String language : LANGUAGES) {
            assertEquals(
                    Set.of("privacy breach"),
                    DocumentedMatching.found(keywords, language, "Possible PRIVACY BREACH reported"),
                    language);
        }
        assertEquals(configured(null).keywords().get("de"), keywords.get("de"), "the built-in words stay");
    }
}

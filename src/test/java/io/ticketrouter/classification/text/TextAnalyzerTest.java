package io.ticketrouter.classification.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer plain = new TextAnalyzer(false);

    @Test
    void germanKeepsUmlautsAndSharpS() {
        List<String> terms = plain.terms("Die Größe der Überweisung für Müller ist falsch.", "de");
        assertContainsAll(terms, "größe", "überweisung", "müller");
        assertFalse(terms.contains("die"), "stopword kept: " + terms);
        assertFalse(terms.stream().anyMatch(t -> t.contains("gr") && !t.contains("ö")), "umlaut mangled: " + terms);
    }

    @Test
    void spanishFrenchPortugueseKeepAccents() {
        assertTrue(plain.terms("La facturación está pendiente", "es").contains("facturación"));
        assertTrue(plain.terms("Le débit a été refusé", "fr").contains("débit"));
        assertTrue(plain.terms("A atualização não funcionou", "pt").contains("atualização"));
        assertTrue(plain.terms("Ça coûte très cher", "fr").contains("coûte"));
    }

    @Test
    void placeholdersAndPunctuationAreDropped() {
        List<String> terms = plain.terms("Hello <name>, the server (prod-1) crashed!!! Call +1 555.", "en");
        assertContainsAll(terms, "server", "crashed");
        assertContainsNone(terms, "name", "555");
    }

    @Test
    void stemmingJoinsInflectedForms() {
        TextAnalyzer stemming = new TextAnalyzer(true);
        assertEquals(stemming.terms("Rechnungen", "de"), stemming.terms("Rechnung", "de"));
        assertEquals(stemming.terms("facturas", "es"), stemming.terms("factura", "es"));
        assertEquals(stemming.terms("factures", "fr"), stemming.terms("facture", "fr"));
        // Snowball's German algorithm folds umlauts inside stems by design (ü -> u): documented, consistent at training
        // and prediction.
        assertEquals(List.of("uberweis"), stemming.terms("Überweisungen", "de"));
        // So does the Spanish one (á, é, í, ó, ú -> a, e, i, o, u); tokens themselves keep them (tests above).
        assertEquals(List.of("telefon"), stemming.terms("teléfonos", "es"));
    }

    @Test
    void languageDetectionMapsToIsoCodes() {
        assertEquals(
                "de",
                Languages.detect("Sehr geehrte Damen und Herren, meine Rechnung ist leider doppelt abgebucht worden."));
        assertEquals("fr", Languages.detect("Bonjour, je n'arrive pas à me connecter à mon compte depuis hier soir."));
        assertEquals(
                "es", Languages.detect("Hola, no puedo acceder a mi cuenta desde ayer por la tarde, necesito ayuda."));
        assertEquals("de", Languages.normalize("deu"));
        assertEquals(Languages.FALLBACK, Languages.normalize("it"));
    }

    private static void assertContainsAll(List<String> terms, String... expected) {
        for (String term : expected) {
            assertTrue(terms.contains(term), terms.toString());
        }
    }

    private static void assertContainsNone(List<String> terms, String... unexpected) {
        for (String term : unexpected) {
            assertFalse(terms.contains(term), terms.toString());
        }
    }
}

package io.ticketrouter.spi;

import java.util.Map;
import java.util.Set;

/**
 * Words or phrases that make a ticket urgent: priority {@code high}, flagged urgent, whatever the model or the rules
 * said. Register the implementation in {@code META-INF/services/io.ticketrouter.spi.UrgentKeywordList}.
 *
 * <p>Matching is the server's job: case-insensitive, on whole words and whole phrases, and insensitive to accents
 * and punctuation between words ({@code "violación de datos"} matches "VIOLACION de datos"), for the keywords of
 * the ticket's language plus those listed under {@code "*"} (any language).
 */
public interface UrgentKeywordList extends Plugin {

    /**
     * The keywords, read once after {@link #configure(PluginContext)}.
     *
     * @return language code ("en", "de", "es", "fr", "pt", or "*" for every language) to words or phrases
     */
    Map<String, Set<String>> keywords();
}

package io.ticketrouter.spi;

import java.util.Map;
import java.util.Set;

/**
 * Words or phrases that make a ticket urgent: priority {@code high}, flagged urgent, whatever the model or the rules
 * said. Register the implementation in {@code META-INF/services/io.ticketrouter.spi.UrgentKeywordList}.
 *
 * <p>Matching is the server's job:
 * <ul>
 *   <li>case-insensitive ({@code "violación de datos"} matches "VIOLACIÓN DE DATOS");</li>
 *   <li>on whole words and whole phrases: {@code "outage"} does not match "outages", {@code "Datenschutz"} not
 *       "Datenschutzerklärung"; a hyphen or apostrophe ends a word ({@code "GDPR"} matches "GDPR-compliant");</li>
 *   <li>one space in a phrase matches any run of whitespace, line breaks included; other separators (hyphen,
 *       apostrophe) must be the same, the typographic apostrophe counting as {@code '};</li>
 *   <li>accents are significant: {@code "violación de datos"} does not match "violacion de datos", so list the
 *       unaccented spellings customers type as well;</li>
 *   <li>for the keywords of the ticket's language plus those listed under {@code "*"} (any language); a ticket in a
 *       language that no loaded list has keywords for is checked against every keyword.</li>
 * </ul>
 * A keyword must start and end with a letter or digit; a list with another keyword, or with a language that is
 * neither {@code "*"} nor an ISO 639 code in two or three lower-case letters, is not loaded (listed as failed with
 * the reason).
 */
public interface UrgentKeywordList extends Plugin {

    /**
     * The keywords, read once after {@link #configure(PluginContext)}.
     *
     * @return language code ("en", "de", "es", "fr", "pt", or "*" for every language) to words or phrases
     */
    Map<String, Set<String>> keywords();
}

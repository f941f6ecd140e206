package io.ticketrouter.examples.keywords;

import io.ticketrouter.spi.AbstractPlugin;
import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.UrgentKeywordList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Data-protection requests have legal deadlines: they are urgent in every language the service supports.
 *
 * <p>The server matches whole words and phrases, ignoring case but not accents: unaccented spellings customers
 * type are listed too.
 *
 * <p>Configuration: {@code extra} — more comma-separated words or phrases, for every language.
 */
public final class GdprKeywords extends AbstractPlugin implements UrgentKeywordList {

    private static final Map<String, Set<String>> BUILT_IN = Map.of(
            "en",
                    Set.of(
                            "GDPR",
                            "data protection",
                            "right to be forgotten",
                            "subject access request",
                            "personal data request"),
            "de",
                    Set.of(
                            "DSGVO",
                            "Datenschutz",
                            "Datenschutzverletzung",
                            "Recht auf Vergessenwerden",
                            "Auskunftsersuchen"),
            "es", Set.of("RGPD", "protección de datos", "proteccion de datos", "derecho al olvido", "datos personales"),
            "fr",
                    Set.of(
                            "RGPD",
                            "protection des données",
                            "protection des donnees",
                            "droit à l'oubli",
                            "droit a l'oubli",
                            "données personnelles",
                            "donnees personnelles"),
            "pt",
                    Set.of(
                            "RGPD",
                            "LGPD",
                            "proteção de dados",
                            "protecao de dados",
                            "direito ao esquecimento",
                            "dados pessoais"));

    private Map<String, Set<String>> keywords = BUILT_IN;

    public GdprKeywords() {
        super("gdpr-keywords", RoutingApi.VERSION, Set.of("extra"));
    }

    @Override
    public void configure(PluginContext context) {
        Set<String> extra = Set.copyOf(context.getList("extra"));
        if (extra.isEmpty()) {
            keywords = BUILT_IN;
            return;
        }
        Map<String, Set<String>> all = new HashMap<>(BUILT_IN);
        all.put("*", extra);
        keywords = Map.copyOf(all);
    }

    @Override
    public Map<String, Set<String>> keywords() {
        return keywords;
    }
}

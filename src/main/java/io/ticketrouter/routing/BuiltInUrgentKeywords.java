package io.ticketrouter.routing;

import io.ticketrouter.spi.AbstractPlugin;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.UrgentKeywordList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in urgent keywords (security incidents and outages in en, de, es, fr, pt), read from the data file
 * {@code io/ticketrouter/routing/urgent-keywords.txt} shipped in the WAR: one {@code <lang>: <word or phrase>} per
 * line, {@code #} comments. Security and outage tickets are never left below high priority.
 */
public final class BuiltInUrgentKeywords extends AbstractPlugin implements UrgentKeywordList {

    static final String NAME = "urgent-keywords";
    static final String RESOURCE = "urgent-keywords.txt";

    private static final Pattern LINE = Pattern.compile("\\s*([a-z]{2,3}|\\*)\\s*:\\s*(\\S.*?)\\s*");

    private final Map<String, Set<String>> keywords;

    public BuiltInUrgentKeywords() {
        super(NAME, RoutingApi.VERSION);
        try (InputStream in = BuiltInUrgentKeywords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in keyword file io/ticketrouter/routing/" + RESOURCE
                        + " is missing from the application; rebuild the WAR");
            }
            keywords = parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in keyword file " + RESOURCE, e);
        }
    }

    /**
     * Parses the keyword file format.
     *
     * @throws IllegalArgumentException naming the file and line of the first malformed entry
     */
    static Map<String, Set<String>> parse(Reader reader, String fileName) throws IOException {
        Map<String, Set<String>> result = new TreeMap<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(fileName + " line " + number
                        + ": expected '<language>: <word or phrase>' (for example 'en: data breach'), got '"
                        + trimmed + "'");
            }
            result.computeIfAbsent(m.group(1), language -> new LinkedHashSet<>())
                    .add(m.group(2));
        }
        Map<String, Set<String>> frozen = new TreeMap<>();
        result.forEach((language, words) -> frozen.put(language, Set.copyOf(words)));
        return Map.copyOf(frozen);
    }

    @Override
    public String version() {
        return "built-in";
    }

    @Override
    public Map<String, Set<String>> keywords() {
        return keywords;
    }
}

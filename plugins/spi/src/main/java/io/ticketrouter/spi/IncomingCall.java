package io.ticketrouter.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A call of the helpdesk as it arrived: its headers and its raw body, exactly the bytes that were signed.
 *
 * @param headers header names (any case) to their values
 * @param body    the request body as received
 */
public record IncomingCall(Map<String, List<String>> headers, byte[] body) {

    public IncomingCall {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /** The first value of a header (names compared without regard to case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}

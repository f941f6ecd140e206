package io.ticketrouter.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call into the helpdesk that Ticket Router makes for a connector: a 2xx answer means done.
 *
 * @param method  {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param url     absolute http(s) URL
 * @param headers request headers (an {@code Authorization} header with the helpdesk's token, a content type)
 * @param body    the request body, or null for none
 */
public record HelpdeskCall(String method, String url, Map<String, String> headers, String body) {

    public HelpdeskCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        if (!method.matches("GET|POST|PUT|PATCH|DELETE")) {
            throw new IllegalArgumentException("method must be GET, POST, PUT, PATCH or DELETE, got " + method);
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL, got " + url);
        }
        headers = Map.copyOf(headers);
    }

    /** A call with a JSON body. */
    public static HelpdeskCall json(String method, String url, Map<String, String> headers, String json) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json; charset=utf-8");
        all.putIfAbsent("Accept", "application/json");
        return new HelpdeskCall(method, url, all, json);
    }
}

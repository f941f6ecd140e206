package io.ticketrouter.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void anOriginIsTheSameWhenItNamesTheHostAndPortTheRequestWentTo() {
        assertTrue(Origins.sameOrigin("http://127.0.0.1:8080", request("GET", Map.of("Host", "127.0.0.1:8080"))));
        assertTrue(Origins.sameOrigin(
                "https://support.example.com", request("GET", "https", Map.of("Host", "support.example.com:443"))));
        assertFalse(
                Origins.sameOrigin("https://127.0.0.1:8080", request("GET", Map.of("Host", "127.0.0.1:8080"))),
                "the scheme is part of the origin");
        assertFalse(
                Origins.sameOrigin("http://127.0.0.1:8080", request("GET", "https", Map.of("Host", "127.0.0.1:8080"))),
                "a plain-HTTP page may not act on the HTTPS site");
        assertFalse(Origins.sameOrigin("null", request("GET", Map.of("Host", "127.0.0.1:8080"))));
        assertFalse(Origins.sameOrigin("http://user@127.0.0.1:8080", request("GET", Map.of("Host", "127.0.0.1:8080"))));
        assertTrue(Origins.sameOrigin(
                "http://support.example.com", request("GET", Map.of("Host", "support.example.com"))));
        assertFalse(
                Origins.sameOrigin("http://127.0.0.1:9999", request("GET", Map.of("Host", "127.0.0.1:8080"))),
                "another port of the same host is another origin");
        assertFalse(Origins.sameOrigin("http://evil.example", request("GET", Map.of("Host", "127.0.0.1:8080"))));
        assertFalse(Origins.sameOrigin(
                "http://127.0.0.1:8080.evil.example", request("GET", Map.of("Host", "127.0.0.1:8080"))));
    }

    @Test
    void aCookieChangesStateOnlyFromThisSitesPagesOrAnAllowedOrigin() {
        Origins origins = new Origins();
        origins.settings = new SecuritySettings();
        origins.settings.allowedOrigins = java.util.Optional.of("https://portal.example.com, HTTPS://Other.example/");
        assertEquals(
                java.util.List.of("https://portal.example.com", "https://other.example"),
                origins.settings.allowedOrigins());
        assertTrue(
                origins.mayUseCookie(request("GET", Map.of("Origin", "http://evil.example", "Host", "a"))),
                "reads are harmless (the browser will not show another site the answer)");
        assertFalse(origins.mayUseCookie(request("POST", Map.of("Origin", "http://evil.example", "Host", "a:1"))));
        assertFalse(
                origins.mayUseCookie(
                        request("GET", Map.of("Upgrade", "websocket", "Origin", "http://evil.example", "Host", "a:1"))),
                "no cross-site WebSocket hijacking");
        assertTrue(origins.mayUseCookie(request("DELETE", Map.of("Origin", "http://a:1", "Host", "a:1"))));
        assertTrue(
                origins.mayUseCookie(request("PATCH", Map.of("Origin", "https://portal.example.com", "Host", "a:1"))));
        assertFalse(origins.mayUseCookie(request("PATCH", Map.of("Sec-Fetch-Site", "cross-site", "Host", "a:1"))));
        assertTrue(origins.mayUseCookie(request("PATCH", Map.of("Sec-Fetch-Site", "same-origin", "Host", "a:1"))));
        assertFalse(
                origins.mayUseCookie(request("PATCH", Map.of("Origin", "null", "Host", "a:1"))),
                "an opaque origin is nobody's page");
        assertFalse(
                origins.mayUseCookie(request("GET", Map.of("Upgrade", "websocket", "Origin", "null", "Host", "a:1"))));
        assertFalse(
                origins.mayUseCookie(request(
                        "DELETE", Map.of("Origin", "http://a:1", "Host", "a:1", "Sec-Fetch-Site", "cross-site"))),
                "the browser's word that the request is cross-site counts");
        assertFalse(
                origins.mayUseCookie(request("DELETE", Map.of("Origin", "https://a:1", "Host", "a:1"))),
                "another scheme is another origin");
        assertFalse(origins.mayUseCookie(request("DELETE", Map.of("Sec-Fetch-Site", "same-site", "Host", "a:1"))));
    }

    private static HttpServletRequest request(String method, Map<String, String> headers) {
        return request(method, "http", headers);
    }

    private static HttpServletRequest request(String method, String scheme, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                OriginsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getScheme" -> scheme;
                    case "isSecure" -> "https".equals(scheme);
                    case "getHeader" ->
                        headers.entrySet().stream()
                                .filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null);
                    default -> null;
                });
    }
}

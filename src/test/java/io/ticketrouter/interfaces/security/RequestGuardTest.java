package io.ticketrouter.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestGuardTest {

    @Test
    void plainPathsPass() {
        for (String path : List.of(
                "/",
                "/api",
                "/api/tickets/TR-000042",
                "/agent/",
                "/css/app.css",
                "/webjars/swagger-ui/5.32.15/swagger-ui-bundle.js",
                "/api/tickets",
                "/login.html",
                "/a%20b",
                "/api/tickets/TR-000042/status",
                "/%6Detrics",
                "/api/tickets/caf%C3%A9",
                "/docs/",
                "/a%2Eb")) {
            assertNull(RequestGuard.path(path), path);
        }
    }

    @Test
    void pathsThatCouldBeReadAsAnotherAreRefused() {
        for (String path : List.of(
                "/health/..%2fmetrics",
                "/api/%2e%2e/metrics",
                "/api/%2E%2E/metrics",
                "/%252e%252e/metrics",
                "/api%5cmetrics",
                "/api/x%00",
                "/api\\metrics",
                "/api/..;/metrics",
                "/api;jsessionid=1/tickets",
                "/api/../metrics",
                "/api/./tickets",
                "/..",
                "/.",
                "/api//tickets",
                "//metrics",
                "*",
                "http://127.0.0.1/metrics",
                "",
                "/api/%2e./metrics",
                "/api/.%2E/metrics",
                "/api/%c0%ae%c0%ae/metrics",
                "/api/%C0%AF",
                "/api/%e0%80%ae",
                "/api/%zz",
                "/api/%2",
                "/api/%",
                "/api/x%0d%0aSet-Cookie:a",
                "/api/x%7f",
                "/api/x%3bjsessionid=1",
                "/api/%ef%bf%bd%ff")) {
            RequestGuard.Refusal r = RequestGuard.path(path);
            assertTrue(r != null && r.status() == 400, path + ": " + r);
        }
    }

    @Test
    void framingThatTwoParsersCouldReadTwoWaysIsRefusedAndClosesTheConnection() {
        assertRefused(Map.of("Content-Length", List.of("5"), "Transfer-Encoding", List.of("chunked")), 400);
        assertRefused(Map.of("Transfer-Encoding", List.of("gzip")), 400);
        assertRefused(Map.of("Transfer-Encoding", List.of("chunked", "chunked")), 400);
        assertRefused(Map.of("Transfer-Encoding", List.of("chunked, gzip")), 400);
        assertRefused(Map.of("Transfer-Encoding", List.of("chunked")), 411);
        assertRefused(Map.of("Content-Length", List.of("2", "2")), 400);
        assertRefused(Map.of("Content-Length", List.of("65537")), 413);
        assertRefused(Map.of("Content-Length", List.of("2147483648")), 413);
        assertRefused(Map.of("Content-Length", List.of("99999999999999999999999")), 413);
        assertRefused(Map.of("Content-Length", List.of("0x10")), 400);
        assertRefused(Map.of("Content-Length", List.of("2"), "Expect", List.of("200-ok")), 417);
        assertNull(RequestGuard.framing(request(Map.of("Content-Length", List.of("65536")))));
        assertNull(
                RequestGuard.framing(request(Map.of("Content-Length", List.of("0000000000000000000000002")))),
                "leading zeros do not make a length large");
        assertNull(RequestGuard.framing(request(Map.of("Content-Length", List.of("0")))));
        assertRefused(Map.of("Transfer-Encoding", List.of(" Chunked ")), 411);
        assertNull(RequestGuard.framing(
                request(Map.of("Content-Length", List.of("2"), "Expect", List.of("100-continue")))));
    }

    @Test
    void aHelpdesksCallMayCarryAMegabyteEveryOtherBody64Kilobytes() {
        Map<String, List<String>> big = Map.of("Content-Length", List.of("500000"));
        assertNull(RequestGuard.framing(request(big, "/api/connectors/zammad/webhook")));
        RequestGuard.Refusal ticket = RequestGuard.framing(request(big, "/api/tickets"));
        assertTrue(
                ticket != null && ticket.status() == 413 && ticket.detail().contains("64 KB"), String.valueOf(ticket));
        RequestGuard.Refusal huge = RequestGuard.framing(
                request(Map.of("Content-Length", List.of("1048577")), "/api/connectors/zammad/webhook"));
        assertTrue(huge != null && huge.status() == 413 && huge.detail().contains("1024 KB"), String.valueOf(huge));
    }

    @Test
    void unknownCharsetsAreRefusedKnownOnesPass() {
        assertEquals(
                406,
                RequestGuard.charsets(request(Map.of("Accept", List.of("application/json; charset=x-garbage"))))
                        .status());
        assertEquals(
                406,
                RequestGuard.charsets(
                                request(Map.of("Accept", List.of("text/html, application/json;q=0.9;charset=@@@"))))
                        .status());
        assertEquals(
                415,
                RequestGuard.charsets(request(Map.of("Content-Type", List.of("application/json; charset=x-garbage"))))
                        .status());
        assertNull(RequestGuard.charsets(request(Map.of(
                "Accept",
                List.of("application/json; charset=\"UTF-8\""),
                "Content-Type",
                List.of("application/json;charset=utf-16")))));
        assertNull(RequestGuard.charsets(request(Map.of("Accept", List.of("*/*")))));
    }

    /** Java's HttpClient asks for h2c on every http:// request; with a body the request must not wait for nothing. */
    @Test
    void aBodyThatAsksToSwitchProtocolsIsRefusedAtOnceWithoutOneTheUpgradeIsIgnored() {
        RequestGuard.Refusal r = RequestGuard.protocolUpgradeWithBody(request(Map.of(
                "Connection",
                List.of("Upgrade, HTTP2-Settings"),
                "Upgrade",
                List.of("h2c"),
                "Content-Length",
                List.of("96"))));
        assertTrue(r != null && r.status() == 400 && r.close() && r.detail().contains("HTTP_1_1"), String.valueOf(r));
        assertNull(RequestGuard.protocolUpgradeWithBody(request(Map.of("Upgrade", List.of("h2c")))));
        assertNull(RequestGuard.protocolUpgradeWithBody(
                request(Map.of("Upgrade", List.of("h2c"), "Content-Length", List.of("0")))));
        assertNull(RequestGuard.protocolUpgradeWithBody(request(Map.of("Upgrade", List.of("websocket")))));
        assertNull(RequestGuard.protocolUpgradeWithBody(request(Map.of("Content-Length", List.of("96")))));
    }

    private static void assertRefused(Map<String, List<String>> headers, int status) {
        RequestGuard.Refusal r = RequestGuard.framing(request(headers));
        assertTrue(r != null && r.status() == status && r.close(), headers + ": " + r);
    }

    private static HttpServletRequest request(Map<String, List<String>> headers) {
        return request(headers, null);
    }

    private static HttpServletRequest request(Map<String, List<String>> headers, String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                RequestGuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getHeaders" -> Collections.enumeration(values(headers, (String) args[0]));
                    case "getHeader" ->
                        values(headers, (String) args[0]).stream().findFirst().orElse(null);
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    default -> null;
                });
    }

    private static List<String> values(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }
}

package io.ticketrouter.interfaces.security;

import io.ticketrouter.interfaces.web.ProblemErrorPage;
import io.ticketrouter.interfaces.web.SecurityHeadersFilter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The first thing every request of the application meets (declared first in {@code WEB-INF/web.xml}; its
 * {@link #refusal} is also the first step of the authentication mechanism, which runs before any filter). It
 * refuses, in this order and without reading the body:
 *
 * <ol>
 *   <li><b>Methods</b> other than GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS (405).</li>
 *   <li><b>Ambiguous framing</b> (RFC 9112 §6.1, request smuggling): {@code Content-Length} together with
 *       {@code Transfer-Encoding} or several {@code Content-Length} headers (400), any {@code Transfer-Encoding}
 *       (chunked: 411, another coding: 400), a declared body over 64 KB (413), an {@code Expect} other than
 *       {@code 100-continue} (417). The connection is closed after the answer, so no byte behind the refused body
 *       is ever read as another request.</li>
 *   <li><b>Paths that could mean two things</b> (400): a segment that, decoded, holds a slash, backslash,
 *       {@code ;}, {@code %}, NUL or control character or is {@code .} or {@code ..}; an empty segment; malformed
 *       UTF-8 ({@link #path}). What the application and the container see is then the same path, so no encoding
 *       reaches a protected address through an open one.</li>
 *   <li><b>Character sets nobody can serve</b>: an {@code Accept} that names an unknown charset (406), a
 *       {@code Content-Type} that does (415); a WebSocket handshake of another version than 13 (426) or without a
 *       proper key (400); a request with a body that asks to switch to another protocol, such as h2c (400: the
 *       container would never deliver its body).</li>
 *   <li><b>Management endpoints</b>: {@code /metrics} and {@code /openapi} need a signed-in admin, or for
 *       {@code /metrics} one of the users named in {@code ticketrouter.metrics.users} (a scraper's account).</li>
 *   <li><b>Anonymous floods</b>: each client address may send {@code ticketrouter.ratelimit.anonymous-per-minute}
 *       requests a minute without credentials (429 with {@code Retry-After} beyond).</li>
 * </ol>
 *
 * Every refusal is {@code application/problem+json} that names what was wrong and what is allowed, and is not
 * logged: a client cannot make the log grow.
 */
public class RequestGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The largest body any address accepts (JSON requests of the API). */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    /**
     * Largest body of a helpdesk's call ({@code /api/connectors/...}): a helpdesk sends the whole ticket with its first
     * article, HTML included.
     */
    public static final long MAX_HELPDESK_BODY_BYTES = 1024 * 1024;

    /** Why a request is refused: the status, what was wrong, and whether the connection must be closed. */
    public record Refusal(int status, String detail, boolean close) {}

    @Inject
    SecuritySettings settings;

    @Inject
    RateLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the authentication mechanism ran the same checks on this request already (see check)
        Refusal refusal = request.getAttribute(CHECKED) == null ? refusal(request) : null;
        if (refusal == null) {
            refusal = management(request);
        }
        if (refusal == null && request.getUserPrincipal() == null) {
            OptionalLong wait = limits.anonymousRequest(request.getRemoteAddr());
            if (wait.isPresent()) {
                response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
                refusal = new Refusal(
                        429,
                        "too many requests without credentials from your address (at most "
                                + settings.anonymousRequestsPerMinute() + " a minute): try again in " + wait.getAsLong()
                                + " s, or sign in",
                        false);
            }
        }
        if (refusal != null) {
            answer(response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Writes the refusal as the whole answer (security headers, problem document, {@code Connection: close}). */
    public static void answer(HttpServletResponse response, Refusal refusal) throws IOException {
        SecurityHeadersFilter.apply(response);
        if (refusal.close()) {
            response.setHeader("Connection", "close");
        }
        if (refusal.status() == 401) {
            response.setHeader("WWW-Authenticate", TicketRouterAuthentication.CHALLENGE);
        } else if (refusal.status() == 405) {
            response.setHeader("Allow", String.join(", ", METHODS));
        } else if (refusal.status() == 426) {
            response.setHeader("Sec-WebSocket-Version", "13");
        }
        ProblemErrorPage.write(response, refusal.status(), refusal.detail());
        response.flushBuffer();
    }

    /**
     * Why the request's method, framing, path, character sets or WebSocket handshake are refused, or null: the
     * checks that need no identity.
     */
    public static Refusal refusal(HttpServletRequest request) {
        Refusal r = method(request.getMethod());
        if (r == null) {
            r = framing(request);
        }
        if (r == null) {
            r = path(request.getRequestURI());
        }
        if (r == null) {
            r = charsets(request);
        }
        if (r == null) {
            r = webSocketHandshake(request);
        }
        if (r == null) {
            r = protocolUpgradeWithBody(request);
        }
        return r;
    }

    /**
     * HTTP/2 over cleartext is not offered, and the container cannot deliver the body of a request that asks for it
     * ({@code Upgrade: h2c}, which Java's {@code HttpClient} sends by default on {@code http://}): the body would
     * never arrive. Such a request is refused at once, saying how to send it, instead of answering 408 after the read
     * timeout. Without a body the upgrade is simply not taken and the request is answered in HTTP/1.1.
     */
    static Refusal protocolUpgradeWithBody(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        if (upgrade == null || upgrade.isBlank() || "websocket".equalsIgnoreCase(upgrade.strip())) {
            return null;
        }
        String length = request.getHeader("Content-Length");
        boolean body = request.getHeader("Transfer-Encoding") != null
                || (length != null && !length.strip().matches("0+"));
        return body
                ? new Refusal(
                        400,
                        "this server does not switch protocols (Upgrade: "
                                + abbreviate(upgrade.strip())
                                + "): send a request with a body without the Upgrade header; with "
                                + "Java's HttpClient choose HttpClient.Version.HTTP_1_1 or use https",
                        true)
                : null;
    }

    /** Set on a request once {@link #check} found nothing to refuse, so the filter does not check it again. */
    static final String CHECKED = RequestGuard.class.getName() + ".checked";

    /**
     * The checks that need no identity, for the authentication mechanism (which runs before this filter): the
     * refusal, or null after marking the request as checked.
     */
    public static Refusal check(HttpServletRequest request) {
        Refusal r = refusal(request);
        if (r == null) {
            request.setAttribute(CHECKED, Boolean.TRUE);
        }
        return r;
    }

    /** The methods any address of Ticket Router answers; others (WebDAV's, made-up ones) are refused with 405. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    static Refusal method(String method) {
        return METHODS.contains(method)
                ? null
                : new Refusal(
                        405,
                        "the method is not one this server answers; " + "allowed: " + String.join(", ", METHODS),
                        false);
    }

    /**
     * A WebSocket handshake must speak version 13 (RFC 6455; the 426 names it in Sec-WebSocket-Version) and carry a
     * Sec-WebSocket-Key of 16 random bytes in Base64.
     */
    static Refusal webSocketHandshake(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        if (upgrade == null || !"websocket".equalsIgnoreCase(upgrade.strip())) {
            return null;
        }
        String version = request.getHeader("Sec-WebSocket-Version");
        if (version == null || !"13".equals(version.strip())) {
            return new Refusal(
                    426,
                    "the dashboard feed speaks WebSocket version 13 (RFC 6455) only: send "
                            + "Sec-WebSocket-Version: 13",
                    false);
        }
        String key = request.getHeader("Sec-WebSocket-Key");
        byte[] nonce;
        try {
            nonce = key == null ? null : java.util.Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            nonce = null;
        }
        return nonce != null && nonce.length == 16
                ? null
                : new Refusal(
                        400,
                        "a WebSocket handshake needs "
                                + "Sec-WebSocket-Key: 16 random bytes in Base64 (RFC 6455, section 4.1)",
                        true);
    }

    static Refusal framing(HttpServletRequest request) {
        List<String> lengths = Collections.list(request.getHeaders("Content-Length"));
        List<String> codings = Collections.list(request.getHeaders("Transfer-Encoding"));
        if (!codings.isEmpty() && !lengths.isEmpty()) {
            return new Refusal(
                    400,
                    "a request may carry Content-Length or Transfer-Encoding, not both "
                            + "(RFC 9112, section 6.1): send the body once, with one of them",
                    true);
        }
        if (codings.size() > 1
                || codings.size() == 1
                        && !"chunked".equals(codings.get(0).strip().toLowerCase(Locale.ROOT))) {
            return new Refusal(
                    400,
                    "Transfer-Encoding \"" + abbreviate(String.join(", ", codings))
                            + "\" is not accepted: send the body with a Content-Length",
                    true);
        }
        if (!codings.isEmpty()) {
            // Payara's parser drops a Content-Length that came before Transfer-Encoding: chunked, so a request
            // carrying both cannot be told from a chunked one here; and it goes on to run whatever follows the
            // chunked body on the connection. Request bodies are small JSON documents: they must be sent with
            // their length (RFC 9112, section 6.3 allows a server to require it).
            return new Refusal(
                    411,
                    "send the request body with a Content-Length; chunked request bodies are not "
                            + "accepted (bodies are JSON of at most 64 KB)",
                    true);
        }
        if (lengths.size() > 1) {
            return new Refusal(400, "a request may carry one Content-Length header, not " + lengths.size(), true);
        }
        if (lengths.size() == 1) {
            String value = lengths.get(0).strip().replaceFirst("^0+(?=\\d)", "");
            if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return value.length() > 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')
                        ? tooLarge(value, MAX_BODY_BYTES)
                        : new Refusal(400, "Content-Length must be a number of bytes", true);
            }
            String uri = request.getRequestURI();
            String context = request.getContextPath() == null ? "" : request.getContextPath();
            long max = uri != null && uri.startsWith(context + "/api/connectors/")
                    ? MAX_HELPDESK_BODY_BYTES
                    : MAX_BODY_BYTES;
            if (Long.parseLong(value) > max) {
                return tooLarge(value, max);
            }
        }
        String expect = request.getHeader("Expect");
        if (expect != null && !"100-continue".equalsIgnoreCase(expect.strip())) {
            return new Refusal(417, "the only expectation supported is Expect: 100-continue", true);
        }
        return null;
    }

    private static Refusal tooLarge(String declared, long max) {
        String shown = declared.length() > 24 ? declared.substring(0, 24) + "..." : declared;
        return new Refusal(
                413,
                "the request body must be at most " + max + " bytes (" + (max / 1024) + " KB); "
                        + "Content-Length says " + shown,
                true);
    }

    /**
     * Refuses a raw (undecoded) request path whose segments could be read as other segments once decoded or
     * normalized: each segment is percent-decoded on its own (strict UTF-8) and must then hold no {@code /},
     * backslash, {@code ;}, {@code %} (a second encoding), NUL or other control character, and must not be
     * {@code .} or {@code ..}; no segment but the last may be empty ({@code //}). Letters encoded for no reason
     * ({@code %6Detrics}) decode to themselves and pass: what they reach is decided on the decoded path.
     */
    static Refusal path(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return new Refusal(400, "the request target must be a path starting with /", true);
        }
        if (raw.indexOf(';') >= 0) {
            return new Refusal(400, "the path must not carry ;parameters", false);
        }
        String[] segments = raw.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = decode(segments[i]);
            if (segment == null) {
                return new Refusal(400, "the path is not valid percent-encoded UTF-8", false);
            }
            if (".".equals(segment) || "..".equals(segment)) {
                return new Refusal(400, "the path must not contain . or .. segments, however they are written", false);
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                return new Refusal(400, "the path must not contain an empty segment (//)", false);
            }
            for (int k = 0; k < segment.length(); k++) {
                char c = segment.charAt(k);
                if (c == '/' || c == '\\' || c == ';' || c == '%' || c < 0x20 || c == 0x7f) {
                    return new Refusal(
                            400,
                            "the path must not contain, plainly or encoded, a slash inside a "
                                    + "segment, a backslash, a semicolon, a percent sign or a control character: write the "
                                    + "address plainly",
                            false);
                }
            }
        }
        return null;
    }

    /** Percent-decodes one path segment as strict UTF-8; null when an escape or the UTF-8 is malformed. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return null;
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    static Refusal charsets(HttpServletRequest request) {
        for (String accept : Collections.list(request.getHeaders("Accept"))) {
            for (String range : accept.split(",")) {
                String charset = parameter(range, "charset");
                if (charset != null && !known(charset)) {
                    return unknownCharset(406, "Accept", charset, "answers are UTF-8");
                }
            }
        }
        String type = request.getHeader("Content-Type");
        String charset = type == null ? null : parameter(type, "charset");
        if (charset != null && !known(charset)) {
            return unknownCharset(415, "Content-Type", charset, "send application/json in UTF-8");
        }
        return null;
    }

    private static Refusal unknownCharset(int status, String header, String charset, String allowed) {
        return new Refusal(
                status,
                header + " names the character set \"" + abbreviate(charset) + "\", which is not known; " + allowed,
                false);
    }

    /** The value of a media type's parameter ({@code charset}), unquoted, or null. */
    static String parameter(String mediaType, String name) {
        String[] parts = mediaType.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && parts[i].substring(0, eq).strip().equalsIgnoreCase(name)) {
                return parts[i].substring(eq + 1).strip().replace("\"", "");
            }
        }
        return null;
    }

    private static boolean known(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false; // an illegal name
        }
    }

    private static String abbreviate(String s) {
        String printable = s.codePoints()
                .filter(c -> c >= 0x20 && c < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    /** {@code /metrics} and {@code /openapi} (and below) need an admin, or a listed scraper for {@code /metrics}. */
    Refusal management(HttpServletRequest request) {
        // the container's own decoded path, the one it maps to a servlet: no spelling of /metrics gets past
        String path = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean metrics = path.equals("/metrics") || path.startsWith("/metrics/");
        boolean openapi = path.equals("/openapi") || path.startsWith("/openapi/");
        if (!metrics && !openapi) {
            return null;
        }
        if (request.isUserInRole("admin")
                || metrics
                        && request.getRemoteUser() != null
                        && settings.metricsUsers().contains(request.getRemoteUser())) {
            return null;
        }
        String what = metrics ? "/metrics" : "/openapi";
        if (request.getUserPrincipal() == null) {
            return new Refusal(
                    401,
                    what + " needs a signed-in admin"
                            + (metrics ? " or a user named in ticketrouter.metrics.users" : "")
                            + ": send HTTP Basic credentials",
                    false);
        }
        return new Refusal(
                403,
                what + " is open to admins" + (metrics ? " and to the users named in ticketrouter.metrics.users" : "")
                        + " only",
                false);
    }
}

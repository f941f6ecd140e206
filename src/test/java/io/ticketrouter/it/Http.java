package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A small HTTP client for the integration tests. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final TestServer server;
    /** The Authorization header every request carries; null for an anonymous client. */
    private final String authorization;
    /** A Cookie header every request carries (a signed-in browser), or null. */
    private final String cookie;

    /** A client signed in as the admin (HTTP Basic). */
    Http(TestServer server) {
        this(server, Credentials.ADMIN_BASIC);
    }

    Http(TestServer server, String authorization) {
        this(server, authorization, null);
    }

    private Http(TestServer server, String authorization, String cookie) {
        this.server = server;
        this.authorization = authorization;
        this.cookie = cookie;
    }

    /** A client that authenticates with the login session cookie only, as the dashboard does. */
    static Http withSessionCookie(TestServer server, String token) {
        return new Http(server, null, "TR_SESSION=" + token);
    }

    /** A client that sends no credentials (a customer, an attacker). */
    static Http anonymous(TestServer server) {
        return new Http(server, null);
    }

    /** A client signed in with HTTP Basic as this user. */
    static Http as(TestServer server, String user, String password) {
        return new Http(server, Credentials.basic(user, password));
    }

    record Answer(int status, String body, HttpResponse<String> raw) {

        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.url(path)).GET());
    }

    Answer get(String path, String accept) throws Exception {
        return send(HttpRequest.newBuilder(server.url(path))
                .header("Accept", accept)
                .GET());
    }

    Answer post(String path, String json) throws Exception {
        return send("POST", path, "application/json", json);
    }

    Answer put(String path, String json) throws Exception {
        return send("PUT", path, "application/json", json);
    }

    Answer patch(String path, String json) throws Exception {
        return send("PATCH", path, "application/json", json);
    }

    Answer delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.url(path)).DELETE());
    }

    Answer send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.url(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    Answer sendBytes(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(server.url(path)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    URI url(String path) {
        return server.url(path);
    }

    Answer send(HttpRequest.Builder b) throws Exception {
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> r =
                CLIENT.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r);
    }

    /**
     * The answer of {@code GET /api/tickets/{reference}/similar} once it lists every one of {@code expected} and
     * {@code also} holds for it. The similar-ticket index is updated after the commit, so it is asked again every
     * 100 ms, for at most {@code bound}; every answer must be 200.
     */
    JsonObject similarShowing(String reference, List<String> expected, Duration bound, Predicate<JsonObject> also)
            throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        JsonObject last;
        do {
            Answer a = get("/api/tickets/" + reference + "/similar");
            assertEquals(200, a.status(), a.toString());
            last = a.json();
            if (references(last).containsAll(expected) && also.test(last)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the index never showed " + expected + ": " + last);
    }

    /** The references of the tickets in a similar-tickets answer, in its order. */
    static List<String> references(JsonObject similar) {
        return similar.getJsonArray("tickets").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("reference"))
                .toList();
    }

    /** JSON string literal for a Java string. */
    static String q(String s) {
        return Json.createValue(s).toString();
    }
}

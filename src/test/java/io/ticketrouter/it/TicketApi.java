package io.ticketrouter.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.json.Json;

/** A small client of the ticket REST API for test set-up (JSON through Selenium's own parser). */
public final class TicketApi {

    private static final Json JSON = new Json();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    public TicketApi(URI base) {
        this.base = base;
    }

    /** Creates a ticket and returns the answer (the ticket as JSON); fails unless the server answers 201. */
    public Map<String, Object> create(String subject, String body) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("subject", subject);
        in.put("body", body);
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("api/tickets"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(in))));
        if (r.statusCode() != 201) {
            throw new AssertionError("POST /api/tickets answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.toType(r.body(), Map.class);
    }

    /** POSTs JSON as the admin. */
    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** PATCHes JSON as the admin. */
    public HttpResponse<String> patch(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETEs as the admin. */
    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    /** Every request is the admin's (HTTP Basic); creating tickets needs no sign-in, reading them does. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("Authorization", Credentials.ADMIN_BASIC);
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Map<String, Object> parse(String json) {
        return JSON.toType(json, Map.class);
    }

    /** The label the dashboard shows for a ticket's department or priority ({@code final_*}, else the prediction). */
    @SuppressWarnings("unchecked")
    public static String effective(Map<String, Object> ticket, String field) {
        Object fin = ticket.get("final_" + field);
        if (fin != null) {
            return fin.toString();
        }
        return ((Map<String, Object>) ticket.get(field)).get("label").toString();
    }
}

package io.ticketrouter.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Zammad (which cannot run on these machines): the few REST API v1 endpoints the Zammad connector
 * calls, as Zammad's documentation and source describe them, and Zammad's side of a trigger's webhook.
 *
 * <ul>
 *   <li>{@code Authorization: Token token=<token>} is required: none answers 403 "Authentication required", another
 *       token 401 "Can't find User for Token" (Zammad's {@code application_controller/authenticates.rb}).</li>
 *   <li>{@code PUT /api/v1/tickets/{id}} takes {@code group} and {@code priority} by name and answers 200 with the
 *       ticket; an unknown name answers 422 "No lookup value found for 'group'" (docs: api/ticket; source:
 *       {@code association_name_to_id_convert}).</li>
 *   <li>{@code POST /api/v1/tags/add} with {@code object}, {@code o_id}, {@code item} answers 201 {@code true}
 *       (docs: api/ticket/tags; {@code tags_controller.rb}).</li>
 *   <li>{@code POST /api/v1/ticket_articles} with {@code ticket_id}, {@code body}, {@code content_type},
 *       {@code type}, {@code internal} answers 201 with the article (docs: api/ticket/articles).</li>
 *   <li>{@link #trigger} POSTs a payload the way a trigger's webhook does: {@code Content-Type: application/json;
 *       charset=utf-8}, {@code User-Agent: Zammad User Agent}, {@code X-Zammad-Trigger}, {@code X-Zammad-Delivery} and
 *       {@code X-Hub-Signature: sha1=<HMAC-SHA1 of the raw body>} ({@code trigger_webhook_job.rb},
 *       {@code lib/user_agent.rb}).</li>
 * </ul>
 *
 * Documentation: https://docs.zammad.org/en/latest/api/intro.html, .../api/ticket/index.html,
 * .../api/ticket/tags.html, .../api/ticket/articles.html, https://admin-docs.zammad.org/en/latest/manage/webhook.html
 */
final class FakeZammad implements AutoCloseable {

    static final Set<String> PRIORITIES = Set.of("1 low", "2 normal", "3 high");
    private static final Pattern TICKET = Pattern.compile("/api/v1/tickets/(\\d+)");
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One call as Zammad received it, and what it answered. */
    record Call(String method, String path, String authorization, JsonObject body, int status) {}

    final int port;
    private final String token;
    private final Set<String> groups;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong articles = new AtomicLong(1000);
    private HttpServer server;

    FakeZammad(String token, Set<String> groups) {
        this.port = Ports.pick();
        this.token = token;
        this.groups = Set.copyOf(groups);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized FakeZammad up() {
        server = LoopbackHttpServer.start(port, "fake-zammad", "/api/v1/", this::handle);
        return this;
    }

    /** Zammad is away: nothing listens on its port. */
    synchronized void down() {
        if (server != null) {
            LoopbackHttpServer.stop(server);
            server = null;
        }
    }

    @Override
    public void close() {
        down();
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** A request as it arrived: method, path, Authorization header and JSON body (null when there was none). */
    private record Request(String method, String path, String authorization, JsonObject body) {}

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readAllBytes();
        }
        JsonObject body = null;
        if (raw.length > 0) {
            try (var r = Json.createReader(new StringReader(new String(raw, StandardCharsets.UTF_8)))) {
                body = r.readObject();
            } catch (RuntimeException e) {
                answer(ex, new Request(method, path, authorization, null), 422, "{\"error\":\"Invalid JSON\"}");
                return;
            }
        }
        Request request = new Request(method, path, authorization, body);
        if (authorization == null) {
            answer(ex, request, 403, error("Authentication required"));
            return;
        }
        if (!authorization.equals("Token token=" + token)) {
            answer(ex, request, 401, error("Can't find User for Token"));
            return;
        }
        Matcher ticket = TICKET.matcher(path);
        if ("PUT".equals(method) && ticket.matches() && body != null) {
            for (Map.Entry<String, Set<String>> lookup :
                    Map.of("group", groups, "priority", PRIORITIES).entrySet()) {
                String name = lookup.getKey();
                if (body.containsKey(name) && !lookup.getValue().contains(body.getString(name))) {
                    String detail = "No lookup value found for '" + name + "': \\\"" + body.getString(name) + "\\\"";
                    answer(ex, request, 422, error(detail));
                    return;
                }
            }
            answer(
                    ex,
                    request,
                    200,
                    "{\"id\":" + ticket.group(1) + ",\"group_id\":2,\"priority_id\":3,\"state_id\":1}");
        } else if ("POST".equals(method)
                && path.equals("/api/v1/tags/add")
                && body != null
                && "Ticket".equals(body.getString("object", ""))
                && body.containsKey("o_id")
                && body.containsKey("item")) {
            answer(ex, request, 201, "true");
        } else if ("POST".equals(method)
                && path.equals("/api/v1/ticket_articles")
                && body != null
                && body.containsKey("ticket_id")
                && body.containsKey("body")) {
            String article = "{\"id\":" + articles.incrementAndGet() + ",\"ticket_id\":" + body.get("ticket_id")
                    + ",\"type\":\"note\",\"internal\":" + body.getBoolean("internal", false) + "}";
            answer(ex, request, 201, article);
        } else {
            answer(ex, request, 404, error("No route matches"));
        }
    }

    private static String error(String message) {
        return "{\"error\":\"" + message + "\",\"error_human\":\"" + message + "\"}";
    }

    private void answer(HttpExchange ex, Request request, int status, String json) throws IOException {
        calls.add(new Call(request.method(), request.path(), request.authorization(), request.body(), status));
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    /**
     * Sends a payload to Ticket Router as a Zammad trigger's webhook does, signed with {@code signatureToken}.
     *
     * @return the status and body of Ticket Router's answer
     */
    static HttpResponse<String> trigger(URI webhook, String payload, String signatureToken, String delivery)
            throws IOException, InterruptedException {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder r = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Zammad User Agent")
                .header("X-Zammad-Trigger", "Ticket Router: classify new tickets")
                .header("X-Zammad-Delivery", delivery)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureToken != null) {
            r.header("X-Hub-Signature", "sha1=" + hmacSha1(signatureToken, body));
        }
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hmacSha1(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Zammad's default payload of a "ticket created" trigger, for a ticket of this id, title and customer article. */
    static String payload(long id, String title, String htmlBody, String first, String last, String email) {
        String customer = "{\"active\":true,\"email\":" + q(email) + ",\"firstname\":" + q(first) + ",\"id\":"
                + (id + 7) + ",\"lastname\":" + q(last) + ",\"login\":" + q(email) + ",\"roles\":[\"Customer\"]}";
        return "{\"article\":{\"attachments\":[],\"body\":" + q(htmlBody) + ",\"content_type\":\"text/html\","
                + "\"created_by\":" + customer + ",\"from\":" + q(first + " " + last + " <" + email + ">")
                + ",\"id\":" + (id * 10) + ",\"internal\":false,\"sender\":\"Customer\",\"subject\":" + q(title)
                + ",\"ticket_id\":" + id + ",\"type\":\"email\"},"
                + "\"ticket\":{\"article_count\":1,\"created_at\":\"2026-11-30T09:15:02.123Z\",\"customer\":" + customer
                + ",\"customer_id\":" + (id + 7) + ",\"group\":{\"id\":1,\"name\":\"Users\"},\"group_id\":1,\"id\":"
                + id
                + ",\"number\":\"" + (31000 + id)
                + "\",\"organization\":{},\"priority\":{\"id\":2,\"name\":\"2 normal\"},"
                + "\"priority_id\":2,\"state\":\"new\",\"state_id\":1,\"title\":" + q(title) + "}}";
    }

    private static String q(String s) {
        return Json.createValue(s).toString();
    }
}

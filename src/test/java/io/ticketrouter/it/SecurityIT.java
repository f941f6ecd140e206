package io.ticketrouter.it;

import static io.ticketrouter.it.Http.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.cli.TicketRouterCommand;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, on the real WAR: anonymous callers, agents and admins; HTTP Basic, the login session cookie and
 * its cross-site protections; the WebSocket handshake; the rate limit on anonymous tickets (at its default of 20 a
 * minute); customers' status tokens; CORS; the first start's generated admin password; the users command against
 * the server's database. Runs on H2 and on PostgreSQL.
 */
class SecurityIT {

    private static final String ALLOWED_ORIGIN = "https://portal.example.com";
    private static final String TEXT = "My invoice was charged twice this month, please refund one of the payments.";

    private static TestServer server;
    private static Http admin;
    private static Http anonymous;
    private static Database db;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        db = Database.forThisRun("security");
        TestModel.require();
        data = fresh("security-" + db.kind + "-data");
        Map<String, String> config = TestServer.config(data, TestServer.MODEL, db);
        config.put("ticketrouter.ratelimit.tickets-per-minute", "20"); // the default, which other tests lift
        config.put("ticketrouter.cors.allowed-origins", ALLOWED_ORIGIN);
        config.put("ticketrouter.security.cache-seconds", "2"); // the users command's changes show within 2 s
        server = TestServer.start("security-" + db.kind, config);
        admin = new Http(server);
        anonymous = Http.anonymous(server);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    // ------------------------------------------------------------------------------------------ who may do what

    @Test
    void anonymousCallersGet401ProblemsEverywhereButThePortal() throws Exception {
        String reference = ticketAsAdmin("anonymous");
        List<Http.Answer> refused = List.of(
                anonymous.get("/api/tickets"),
                anonymous.get("/api/tickets/" + reference),
                anonymous.patch("/api/tickets/" + reference, "{\"status\": \"resolved\"}"),
                anonymous.delete("/api/tickets/" + reference),
                anonymous.post("/api/predict", "{\"body\": " + q(TEXT) + "}"),
                anonymous.post("/api/predict/batch", "{\"items\": [{\"body\": " + q(TEXT) + "}]}"),
                anonymous.get("/api/plugins"),
                anonymous.post("/api/plugins/reload", ""),
                anonymous.get("/api/model"),
                anonymous.post("/api/model/reload", ""),
                anonymous.get("/api/users"),
                anonymous.get("/api/session"));
        for (Http.Answer a : refused) {
            assertEquals(401, a.status(), a.raw().request().method() + " " + a.raw().uri() + ": " + a);
            assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
            assertEquals("/docs/problems.html#unauthorized", a.json().getString("type"));
            assertTrue(a.header("WWW-Authenticate").isPresent(), "401 names how to authenticate");
        }
        assertEquals(200, anonymous.get("/health").status());
        assertEquals(200, anonymous.get("/").status());
        assertEquals(200, anonymous.get("/login.html").status());
        JsonObject root = anonymous.get("/api").json();
        assertTrue(root.getBoolean("model_ready"));
        assertTrue(root.getJsonObject("provenance").isEmpty(), "where the model came from is for signed-in users");
        assertEquals("ticket " + reference + " is still there", "ticket " + admin.get("/api/tickets/" + reference)
                .json().getString("reference") + " is still there");
    }

    @Test
    void agentsWorkTicketsButOnlyAdminsDeleteReloadAndManageUsers() throws Exception {
        String name = "agent-" + unique();
        Http agent = addUser(name, "agent");
        String reference = ticketAsAdmin("agent");

        assertEquals(200, agent.get("/api/tickets?limit=5").status());
        assertEquals(200, agent.get("/api/tickets/" + reference).status());
        Http.Answer patched = agent.patch("/api/tickets/" + reference, "{\"status\": \"in_progress\", \"note\": \"On it\"}");
        assertEquals(200, patched.status(), patched.toString());
        JsonObject history = patched.json().getJsonArray("history").getJsonObject(
                patched.json().getJsonArray("history").size() - 1);
        assertEquals(name, history.getString("actor"), "the history names the signed-in agent");
        assertEquals(200, agent.post("/api/predict", "{\"body\": " + q(TEXT) + "}").status());
        assertEquals(200, agent.get("/api/plugins").status());
        assertEquals(200, agent.get("/api/model").status());
        assertEquals("agent", agent.get("/api/session").json().getString("role"));

        for (Http.Answer a : List.of(agent.delete("/api/tickets/" + reference),
                agent.post("/api/plugins/reload", ""),
                agent.post("/api/model/reload", ""),
                agent.get("/api/users"),
                agent.post("/api/users", "{\"username\": \"sneaky\", \"password\": \"sneaky-password-1\", \"role\": \"admin\"}"))) {
            assertEquals(403, a.status(), a.raw().uri() + ": " + a);
            assertEquals("/docs/problems.html#forbidden", a.json().getString("type"));
            assertTrue(a.json().getString("detail").contains("admin"), a.toString());
        }
        assertEquals(200, agent.get("/api/tickets/" + reference).status(), "the agent's delete did nothing");
        assertEquals(204, admin.delete("/api/tickets/" + reference).status());
        assertEquals(404, admin.get("/api/tickets/" + reference).status());
    }

    @Test
    void wrongCredentialsAre401AndPasswordsAreStoredAsPbkdf2Hashes() throws Exception {
        String name = "hashed-" + unique();
        Http agent = addUser(name, "agent");
        assertEquals(200, agent.get("/api/tickets?limit=1").status());
        Http.Answer wrong = Http.as(server, name, "not-the-password").get("/api/tickets?limit=1");
        assertEquals(401, wrong.status());
        assertEquals("wrong user name or password", wrong.json().getString("detail"));
        assertEquals(401, Http.as(server, "nobody-" + unique(), "whatever-password").get("/api/tickets").status());
        assertEquals(401, new Http(server, "Bearer not-a-session").get("/api/tickets").status());
        // a wrong password is refused even where no sign-in is needed: a typo never silently becomes "anonymous"
        assertEquals(401, Http.as(server, name, "not-the-password").get("/api").status());

        try (Connection c = db.connect(data);
             PreparedStatement p = c.prepareStatement("SELECT password_hash, role FROM tr_user WHERE username = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next(), "the user is in the database");
                String hash = r.getString(1);
                assertTrue(hash.startsWith("PBKDF2WithHmacSHA512:210000:"), hash);
                assertFalse(hash.contains(password(name)), "the password itself is not stored");
                assertEquals("agent", r.getString(2));
            }
        }
    }

    @Test
    void aChangedPasswordOrRemovedUserStopsWorkingAtOnce() throws Exception {
        String name = "changing-" + unique();
        Http before = addUser(name, "agent");
        assertEquals(200, before.get("/api/tickets?limit=1").status());
        Http.Answer changed = admin.patch("/api/users/" + name, "{\"password\": \"a-brand-new-password\"}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(401, before.get("/api/tickets?limit=1").status(), "the old password is refused at once");
        Http after = Http.as(server, name, "a-brand-new-password");
        assertEquals(200, after.get("/api/tickets?limit=1").status());
        assertEquals(204, admin.delete("/api/users/" + name).status());
        assertEquals(401, after.get("/api/tickets?limit=1").status(), "a removed user is refused at once");

        Http.Answer weak = admin.post("/api/users", "{\"username\": \"weak-" + unique() + "\", \"password\": \"short\"}");
        assertEquals(400, weak.status());
        assertEquals("password", weak.json().getString("field"));
        Http.Answer lastAdmin = admin.delete("/api/users/admin");
        assertEquals(409, lastAdmin.status(), "the last admin cannot be removed: " + lastAdmin);
    }

    @Test
    void agentsChangeTheirOwnPasswordByGivingTheCurrentOneAndOtherSessionsEnd() throws Exception {
        String name = "self-" + unique();
        Http basic = addUser(name, "agent");
        String other = signIn(name);
        String fresh = "my-own-new-password-" + unique();
        String path = "/api/session/password";

        assertEquals(401, anonymous.put(path, "{\"current_password\": \"x\", \"new_password\": \"y\"}").status());
        Http.Answer wrong = basic.put(path, "{\"current_password\": \"not-my-password\", \"new_password\": "
                + q(fresh) + "}");
        assertEquals(400, wrong.status(), wrong.toString());
        assertEquals("current_password", wrong.json().getString("field"));
        assertTrue(wrong.json().getString("detail").contains("current password is wrong"), wrong.toString());
        Http.Answer shortOne = basic.put(path, "{\"current_password\": " + q(password(name))
                + ", \"new_password\": \"short\"}");
        assertEquals(400, shortOne.status());
        assertEquals("new_password", shortOne.json().getString("field"));
        assertTrue(shortOne.json().getString("detail").contains("12 to 200 characters"), shortOne.toString());
        Http.Answer same = basic.put(path, "{\"current_password\": " + q(password(name)) + ", \"new_password\": "
                + q(password(name)) + "}");
        assertEquals(400, same.status());
        assertEquals("new_password", same.json().getString("field"));
        assertEquals(200, basic.get("/api/tickets?limit=1").status(), "refused changes change nothing");

        Http.Answer changed = basic.put(path, "{\"current_password\": " + q(password(name)) + ", \"new_password\": "
                + q(fresh) + "}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(name, changed.json().getString("username"));
        String setCookie = changed.header("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("TR_SESSION=") && setCookie.contains("HttpOnly"), setCookie);
        String renewed = setCookie.substring("TR_SESSION=".length(), setCookie.indexOf(';'));

        assertEquals(401, basic.get("/api/tickets?limit=1").status(), "the old password is refused at once");
        assertEquals(401, Http.withSessionCookie(server, other).get("/api/tickets?limit=1").status(),
                "the user's other sessions end");
        assertEquals(200, Http.withSessionCookie(server, renewed).get("/api/tickets?limit=1").status(),
                "the caller stays signed in with the new session");
        assertEquals(200, Http.as(server, name, fresh).get("/api/tickets?limit=1").status());
        assertEquals(403, Http.as(server, name, fresh).delete("/api/users/admin").status(),
                "changing one's password grants nothing more");
    }

    // ------------------------------------------------------------------------------------------ login sessions

    @Test
    void theLoginSessionCookieIsHttpOnlyStrictAndRefusedFromOtherSites() throws Exception {
        String name = "session-" + unique();
        addUser(name, "agent");
        String reference = ticketAsAdmin("session");
        Http.Answer wrong = anonymous.post("/api/session", "{\"username\": " + q(name) + ", \"password\": \"nope-nope-nope\"}");
        assertEquals(401, wrong.status());
        assertTrue(wrong.header("Set-Cookie").isEmpty());

        Http.Answer signedIn = anonymous.post("/api/session", "{\"username\": " + q(name) + ", \"password\": "
                + q(password(name)) + "}");
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals(name, signedIn.json().getString("username"));
        String setCookie = signedIn.header("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("TR_SESSION="), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String token = setCookie.substring("TR_SESSION=".length(), setCookie.indexOf(';'));
        try (Connection c = db.connect(data);
             PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM tr_session WHERE token_digest = ?")) {
            p.setString(1, token);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1), "the database holds a digest of the token, never the token");
            }
        }

        Http cookie = Http.withSessionCookie(server, token);
        assertEquals(200, cookie.get("/api/tickets?limit=1").status());
        assertEquals(name, cookie.get("/api/session").json().getString("username"));
        Http.Answer foreign = cookie.send(HttpRequest.newBuilder(server.url("/api/tickets/" + reference))
                .header("Origin", "http://attacker.example").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"resolved\"}")));
        assertEquals(401, foreign.status(), "a page of another site cannot use the agent's cookie: " + foreign);
        assertEquals("open", admin.get("/api/tickets/" + reference).json().getString("status"));
        Http.Answer sameSite = cookie.send(HttpRequest.newBuilder(server.url("/api/tickets/" + reference))
                .header("Origin", "http://127.0.0.1:" + server.port()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"resolved\"}")));
        assertEquals(200, sameSite.status(), sameSite.toString());
        assertEquals(200, new Http(server, "Bearer " + token).get("/api/tickets?limit=1").status(),
                "programs may send the session token as a Bearer token");

        assertEquals(204, cookie.delete("/api/session").status());
        assertEquals(401, cookie.get("/api/tickets?limit=1").status(), "signed out: the cookie is dead");
    }

    // ------------------------------------------------------------------------------------------ WebSocket

    @Test
    void theWebSocketHandshakeNeedsAnAgentAndTheTokenNeverTravels() throws Exception {
        // a client container of its own: the JVM-wide default one is shared with other test classes, whose servers
        // were stopped under open sessions
        org.glassfish.tyrus.client.ClientManager container = org.glassfish.tyrus.client.ClientManager.createClient();
        try {
            handshakes(container);
        } finally {
            container.shutdown();
        }
    }

    private static void handshakes(WebSocketContainer container) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws/tickets");
        assertThrows(DeploymentException.class, () -> container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
            }
        }, Credentials.webSocket(null), uri), "an anonymous handshake is refused");
        assertThrows(DeploymentException.class, () -> container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
            }
        }, Credentials.webSocket(Credentials.basic("admin", "wrong-password-here")), uri));

        String name = "socket-" + unique();
        addUser(name, "agent");
        String token = signIn(name);
        assertThrows(DeploymentException.class, () -> container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
            }
        }, cookieHandshake(token, "http://attacker.example"), uri), "cross-site WebSocket hijacking is refused");

        // the dashboard's way: the session cookie from this server's own page, here with the JDK's WebSocket client
        BlockingQueue<String> byCookie = new LinkedBlockingQueue<>();
        java.net.http.WebSocket cookieSocket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "TR_SESSION=" + token).header("Origin", "http://127.0.0.1:" + server.port())
                .buildAsync(uri, collector(byCookie)).get(20, TimeUnit.SECONDS);
        // a program's way: HTTP Basic on the handshake, with Tyrus
        BlockingQueue<String> byBasic = new LinkedBlockingQueue<>();
        Session basicSession = container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) byBasic::add);
            }
        }, Credentials.webSocket(Credentials.basic(name, password(name))), uri);
        try {
            Http.Answer created = anonymous.post("/api/tickets", "{\"body\": " + q(TEXT + " socket " + unique()) + "}");
            assertEquals(201, created.status(), created.toString());
            String reference = created.json().getString("reference");
            String token2 = created.json().getString("status_token");
            for (Map.Entry<String, BlockingQueue<String>> e : Map.of("cookie", byCookie, "basic", byBasic).entrySet()) {
                String message = await(e.getValue(), reference);
                assertNotNull(message, "the dashboard signed in by " + e.getKey() + " got the new ticket (messages "
                        + "left: " + e.getValue().size() + ", cookie socket closed: " + cookieSocket.isInputClosed()
                        + ", basic session open: " + basicSession.isOpen() + ")");
                assertFalse(message.contains("status_token"), "the customer's token is not pushed to dashboards");
                assertFalse(message.contains(token2));
            }
        } finally {
            cookieSocket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
            basicSession.close();
        }
    }

    @Test
    void signingOutOrChangingThePasswordClosesThatUsersOpenDashboards() throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws/tickets");
        String origin = "http://127.0.0.1:" + server.port();
        String leaving = "leaving-" + unique();
        String staying = "staying-" + unique();
        addUser(leaving, "agent");
        addUser(staying, "agent");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        String first = signIn(leaving);
        CompletableFuture<Integer> firstClosed = new CompletableFuture<>();
        client.newWebSocketBuilder().header("Cookie", "TR_SESSION=" + first).header("Origin", origin)
                .buildAsync(uri, closeWatcher(new LinkedBlockingQueue<>(), firstClosed)).get(20, TimeUnit.SECONDS);
        BlockingQueue<String> others = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> otherClosed = new CompletableFuture<>();
        java.net.http.WebSocket other = client.newWebSocketBuilder()
                .header("Authorization", Credentials.basic(staying, password(staying)))
                .buildAsync(uri, closeWatcher(others, otherClosed)).get(20, TimeUnit.SECONDS);
        try {
            assertEquals(204, Http.withSessionCookie(server, first).delete("/api/session").status());
            assertEquals(1008, firstClosed.get(10, TimeUnit.SECONDS), "signing out closes that user's dashboard");

            String second = signIn(leaving);
            CompletableFuture<Integer> secondClosed = new CompletableFuture<>();
            client.newWebSocketBuilder().header("Cookie", "TR_SESSION=" + second).header("Origin", origin)
                    .buildAsync(uri, closeWatcher(new LinkedBlockingQueue<>(), secondClosed)).get(20, TimeUnit.SECONDS);
            Http.Answer changed = Http.as(server, leaving, password(leaving)).put("/api/session/password",
                    "{\"current_password\": " + q(password(leaving)) + ", \"new_password\": \"the-next-password-1\"}");
            assertEquals(200, changed.status(), changed.toString());
            assertEquals(1008, secondClosed.get(10, TimeUnit.SECONDS), "a password change closes the dashboard");
            ExecutionException refused = assertThrows(ExecutionException.class, () -> client.newWebSocketBuilder()
                    .header("Cookie", "TR_SESSION=" + second).header("Origin", origin)
                    .buildAsync(uri, closeWatcher(new LinkedBlockingQueue<>(), new CompletableFuture<>()))
                    .get(20, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException, refused.toString());

            assertFalse(otherClosed.isDone(), "another user's dashboard stays open: " + otherClosed);
            Http.Answer created = anonymous.post("/api/tickets", "{\"body\": " + q(TEXT + " stays " + unique()) + "}");
            assertEquals(201, created.status(), created.toString());
            assertNotNull(await(others, created.json().getString("reference")), "and keeps receiving tickets");
        } finally {
            other.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** A JDK WebSocket listener that collects texts and completes {@code closed} with the server's close code. */
    private static java.net.http.WebSocket.Listener closeWatcher(BlockingQueue<String> into,
                                                                 CompletableFuture<Integer> closed) {
        java.net.http.WebSocket.Listener texts = collector(into);
        return new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                                                                  boolean last) {
                return texts.onText(ws, data, last);
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code,
                                                                   String reason) {
                closed.complete(code);
                return null;
            }

            @Override
            public void onError(java.net.http.WebSocket ws, Throwable error) {
                closed.completeExceptionally(error);
            }
        };
    }

    private static String await(BlockingQueue<String> received, String reference) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String text = received.poll(1, TimeUnit.SECONDS);
            if (text != null && text.contains(reference)) {
                return text;
            }
        }
        return null;
    }

    /** A JDK WebSocket listener that puts every complete text message into the queue. */
    private static java.net.http.WebSocket.Listener collector(BlockingQueue<String> into) {
        return new java.net.http.WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                                                                  boolean last) {
                text.append(data);
                if (last) {
                    into.add(text.toString());
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

    // ------------------------------------------------------------------------------------------ customers

    @Test
    void customersSeeTheirStatusWithReferenceAndTokenAndNothingElse() throws Exception {
        Http.Answer created = anonymous.post("/api/tickets", "{\"subject\": \"Where is my order\", \"body\": "
                + q(TEXT + " status " + unique()) + ", \"customer_email\": \"ada@example.com\"}");
        assertEquals(201, created.status(), created.toString());
        String reference = created.json().getString("reference");
        String token = created.json().getString("status_token");
        assertTrue(token.length() >= 22 && !token.contains(reference.substring(3)), token);
        assertEquals("no-store", created.header("Cache-Control").orElse(""));

        Http.Answer status = lookUp(reference, token);
        assertEquals(200, status.status(), status.toString());
        JsonObject s = status.json();
        assertEquals(reference, s.getString("reference"));
        assertEquals("open", s.getString("status"));
        assertFalse(s.getString("team").isBlank());
        assertEquals(java.util.Set.of("reference", "subject", "status", "team", "created_at", "updated_at"), s.keySet(),
                "only what the customer wrote and where it stands: no e-mail, notes or model details");

        admin.patch("/api/tickets/" + reference, "{\"status\": \"resolved\"}");
        assertEquals("resolved", lookUp(reference, token).json().getString("status"));

        Http.Answer other = anonymous.post("/api/tickets", "{\"body\": " + q(TEXT + " other " + unique()) + "}");
        String otherToken = other.json().getString("status_token");
        Http.Answer wrong = lookUp(reference, token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"));
        Http.Answer swapped = lookUp(reference, otherToken);
        Http.Answer unknown = lookUp("TR-999999999", token);
        for (Http.Answer a : List.of(wrong, swapped, unknown)) {
            assertEquals(404, a.status(), a.toString());
            assertEquals("no ticket with this reference and status token: check both", a.json().getString("detail"),
                    "a wrong token and an unknown reference cannot be told apart");
        }
        Http.Answer missing = anonymous.get("/api/tickets/" + reference + "/status");
        assertEquals(400, missing.status());
        assertEquals(401, anonymous.get("/api/tickets/" + reference).status(), "the full ticket stays for agents");
        assertFalse(admin.get("/api/tickets/" + reference).body().contains("status_token"));
        assertFalse(admin.get("/api/tickets?limit=50").body().contains(token));
    }

    @Test
    void anonymousTicketsAreLimitedTo20AMinutePerAddressWith429AndRetryAfter() throws Exception {
        int accepted = 0;
        Http.Answer refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Http.Answer a = anonymous.post("/api/tickets", "{\"body\": " + q(TEXT + " burst " + i + " " + unique()) + "}");
            if (a.status() == 201) {
                accepted++;
            } else {
                refused = a;
            }
        }
        assertNotNull(refused, "the limit was reached");
        // other tests of this class may have used a few of this minute's 20 (they run in any order)
        assertTrue(accepted >= 14 && accepted <= 20, "accepted before the limit: " + accepted);
        assertEquals(429, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals("/docs/problems.html#too-many-requests", refused.json().getString("type"));
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        System.out.printf("[it] rate limit: %d accepted, then 429 with Retry-After %d s%n", accepted, retryAfter);
        // signed-in agents are not limited (they enter tickets from the phone, for example)
        assertEquals(201, admin.post("/api/tickets", "{\"body\": " + q(TEXT + " by an agent " + unique()) + "}").status());
        Thread.sleep(retryAfter * 1000 + 200);
        assertEquals(201, anonymous.post("/api/tickets", "{\"body\": " + q(TEXT + " later " + unique()) + "}").status(),
                "after Retry-After the address may send again");
    }

    @Test
    void corsIsAnAllowListThatIsEmptyUnlessConfigured() throws Exception {
        Http.Answer preflight = anonymous.send(HttpRequest.newBuilder(server.url("/api/tickets"))
                .header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.status());
        assertEquals(ALLOWED_ORIGIN, preflight.header("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.header("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Credentials").isEmpty(), "cookies never cross origins");

        Http.Answer foreign = anonymous.send(HttpRequest.newBuilder(server.url("/api/tickets"))
                .header("Origin", "https://attacker.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertTrue(foreign.header("Access-Control-Allow-Origin").isEmpty(), foreign.raw().headers().toString());
        Http.Answer read = admin.send(HttpRequest.newBuilder(server.url("/api/tickets?limit=1"))
                .header("Origin", "https://attacker.example").GET());
        assertTrue(read.header("Access-Control-Allow-Origin").isEmpty(), "another site's page cannot read answers");
    }

    // ------------------------------------------------------------------------------------------ users command

    @Test
    void theUsersCommandManagesUsersOfTheRunningServer() throws Exception {
        String name = "cli-" + unique();
        Map<String, String> dbProps = db.kind.equals("postgresql") ? db.serverProperties(data) : Map.of();
        dbProps.forEach(System::setProperty);
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("cli-password-12345\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, TicketRouterCommand.commandLine().execute("users", "add", name, "--role", "agent",
                    "--password-stdin", "--data-dir", data.toString()));
            Http cli = Http.as(server, name, "cli-password-12345");
            assertEquals(200, cli.get("/api/tickets?limit=1").status(), "a user added with the command signs in");
            assertEquals(403, cli.delete("/api/tickets/TR-000001").status());

            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, TicketRouterCommand.commandLine().execute("users", "passwd", name, "--password-stdin",
                    "--data-dir", data.toString()), "a too short password is refused");
            assertEquals(1, TicketRouterCommand.commandLine().execute("users", "remove", "admin",
                    "--data-dir", data.toString()), "the last admin cannot be removed");

            assertEquals(0, TicketRouterCommand.commandLine().execute("users", "remove", name,
                    "--data-dir", data.toString()));
            Thread.sleep(2_500); // the server trusts what it verified for cache-seconds (2 s here, 60 s by default)
            assertEquals(401, cli.get("/api/tickets?limit=1").status(), "a removed user is refused");
        } finally {
            System.setIn(stdin);
            dbProps.keySet().forEach(System::clearProperty);
        }
    }

    // ------------------------------------------------------------------------------------------ first start

    @Test
    void theFirstStartWithoutAPasswordGeneratesOneForAdminReadableOnlyByTheServer() throws Exception {
        Database firstDb = Database.forThisRun("securityfirst");
        Path firstData = fresh("security-first-" + db.kind + "-data");
        Map<String, String> config = TestServer.config(firstData, TestServer.MODEL, firstDb);
        config.put("ticketrouter.admin.initial-password", "");
        try (TestServer first = TestServer.start("security-first-" + db.kind, config)) {
            Path file = firstData.resolve("admin-password.txt");
            assertTrue(Files.isRegularFile(file), "the password is written to " + file);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String password = Files.readString(file).trim();
            assertTrue(password.length() >= 16, "a long random password");
            Matcher printed = Pattern.compile("Password: (\\S+)").matcher(first.log());
            assertTrue(printed.find(), "the password is printed once at start-up");
            assertEquals(password, printed.group(1));
            assertFalse(printed.find(), "and only once");
            assertEquals(200, Http.as(first, "admin", password).get("/api/users").status());
            assertEquals(401, Http.as(first, "admin", Credentials.ADMIN_PASSWORD).get("/api/users").status());
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Path fresh(String name) throws Exception {
        Path dir = TestServer.WORK.resolve(name);
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String password(String user) {
        return "pw-of-" + user + "-long-enough";
    }

    private static Http addUser(String name, String role) throws Exception {
        Http.Answer a = admin.post("/api/users", "{\"username\": " + q(name) + ", \"password\": " + q(password(name))
                + ", \"role\": " + q(role) + "}");
        assertEquals(201, a.status(), a.toString());
        return Http.as(server, name, password(name));
    }

    /** A ticket created by the admin (signed-in callers do not count against the anonymous rate limit). */
    private static String ticketAsAdmin(String word) throws Exception {
        Http.Answer a = admin.post("/api/tickets", "{\"body\": " + q(TEXT + " " + word + " " + unique()) + "}");
        assertEquals(201, a.status(), a.toString());
        return a.json().getString("reference");
    }

    private static String signIn(String name) throws Exception {
        Http.Answer a = anonymous.post("/api/session", "{\"username\": " + q(name) + ", \"password\": "
                + q(password(name)) + "}");
        assertEquals(200, a.status(), a.toString());
        String setCookie = a.header("Set-Cookie").orElseThrow();
        return setCookie.substring("TR_SESSION=".length(), setCookie.indexOf(';'));
    }

    private static Http.Answer lookUp(String reference, String token) throws Exception {
        return anonymous.send(HttpRequest.newBuilder(server.url("/api/tickets/" + reference + "/status"))
                .header("X-Status-Token", token).GET());
    }

    private static ClientEndpointConfig cookieHandshake(String token, String origin) {
        return ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                headers.put("Cookie", List.of("TR_SESSION=" + token));
                headers.put("Origin", List.of(origin));
            }
        }).build();
    }
}

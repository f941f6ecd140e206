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
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, on the real WAR: anonymous callers, agents and admins; HTTP Basic, the login session cookie and
 * its cross-site protections; the WebSocket handshake; the rate limit on anonymous tickets (at its default of 20 a
 * minute); customers' status tokens; CORS; the first start's generated admin password; the users command against
 * the server's database. Runs on H2 and on PostgreSQL. The rate limit is tested on a server of its own, with the
 * product's default, so no other test's tickets count against it.
 */
class SecurityIT {

    private static final String ALLOWED_ORIGIN = "https://portal.example.com";
    private static final String TEXT = "My invoice was charged twice this month, please refund one of the payments.";

    /** Stopped after all tests; still null when the start failed, and then skipped by AutoClose. */
    @AutoClose
    private static TestServer server;

    private static Http admin;
    private static Http anonymous;
    private static Database db;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        db = Database.forThisRun("security");
        TestModel.require();
        data = WorkDirs.fresh("security-" + db.kind + "-data");
        Map<String, String> config = TestServer.config(data, TestServer.MODEL, db);
        config.put("ticketrouter.cors.allowed-origins", ALLOWED_ORIGIN);
        config.put("ticketrouter.security.cache-seconds", "2"); // the users command's changes show within 2 s
        server = TestServer.start("security-" + db.kind, config);
        admin = new Http(server);
        anonymous = Http.anonymous(server);
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
                anonymous.get("/api/webhooks/deliveries"),
                anonymous.post("/api/webhooks/deliveries/retry", ""),
                anonymous.get("/api/session"));
        for (Http.Answer a : refused) {
            assertEquals(
                    401, a.status(), a.raw().request().method() + " " + a.raw().uri() + ": " + a);
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
        assertEquals(
                "ticket " + reference + " is still there",
                "ticket " + admin.get("/api/tickets/" + reference).json().getString("reference") + " is still there");
    }

    @Test
    void agentsWorkTicketsButOnlyAdminsDeleteReloadAndManageUsers() throws Exception {
        String name = "agent-" + unique();
        Http agent = addUser(name, "agent");
        String reference = ticketAsAdmin("agent");

        assertEquals(200, agent.get("/api/tickets?limit=5").status());
        assertEquals(200, agent.get("/api/tickets/" + reference).status());
        Http.Answer patched =
                agent.patch("/api/tickets/" + reference, "{\"status\": \"in_progress\", \"note\": \"On it\"}");
        assertEquals(200, patched.status(), patched.toString());
        JsonObject history = patched.json()
                .getJsonArray("history")
                .getJsonObject(patched.json().getJsonArray("history").size() - 1);
        assertEquals(name, history.getString("actor"), "the history names the signed-in agent");
        assertEquals(
                200, agent.post("/api/predict", "{\"body\": " + q(TEXT) + "}").status());
        assertEquals(200, agent.get("/api/plugins").status());
        assertEquals(200, agent.get("/api/model").status());
        assertEquals("agent", agent.get("/api/session").json().getString("role"));

        for (Http.Answer a : List.of(
                agent.delete("/api/tickets/" + reference),
                agent.post("/api/plugins/reload", ""),
                agent.post("/api/model/reload", ""),
                agent.get("/api/users"),
                agent.get("/api/webhooks/deliveries?state=failed"),
                agent.post("/api/webhooks/deliveries/retry", ""),
                agent.post("/api/webhooks/deliveries/1/retry", ""),
                agent.post(
                        "/api/users",
                        "{\"username\": \"sneaky\", \"password\": \"sneaky-password-1\", \"role\": \"admin\"}"))) {
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
        assertEquals(
                401,
                Http.as(server, "nobody-" + unique(), "whatever-password")
                        .get("/api/tickets")
                        .status());
        assertEquals(
                401,
                new Http(server, "Bearer not-a-session").get("/api/tickets").status());
        // a wrong password is refused even where no sign-in is needed: a typo never silently becomes "anonymous"
        assertEquals(401, Http.as(server, name, "not-the-password").get("/api").status());

        try (Connection c = db.connect(data);
                PreparedStatement p =
                        c.prepareStatement("SELECT password_hash, role FROM tr_user WHERE username = ?")) {
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

        Http.Answer weak =
                admin.post("/api/users", "{\"username\": \"weak-" + unique() + "\", \"password\": \"short\"}");
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

        assertEquals(
                401,
                anonymous
                        .put(path, "{\"current_password\": \"x\", \"new_password\": \"y\"}")
                        .status());
        Http.Answer wrong =
                basic.put(path, "{\"current_password\": \"not-my-password\", \"new_password\": " + q(fresh) + "}");
        assertEquals(400, wrong.status(), wrong.toString());
        assertEquals("current_password", wrong.json().getString("field"));
        assertTrue(wrong.json().getString("detail").contains("current password is wrong"), wrong.toString());
        Http.Answer shortOne =
                basic.put(path, "{\"current_password\": " + q(password(name)) + ", \"new_password\": \"short\"}");
        assertEquals(400, shortOne.status());
        assertEquals("new_password", shortOne.json().getString("field"));
        assertTrue(shortOne.json().getString("detail").contains("12 to 200 characters"), shortOne.toString());
        Http.Answer same = basic.put(
                path, "{\"current_password\": " + q(password(name)) + ", \"new_password\": " + q(password(name)) + "}");
        assertEquals(400, same.status());
        assertEquals("new_password", same.json().getString("field"));
        assertEquals(200, basic.get("/api/tickets?limit=1").status(), "refused changes change nothing");

        Http.Answer changed = basic.put(
                path, "{\"current_password\": " + q(password(name)) + ", \"new_password\": " + q(fresh) + "}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(name, changed.json().getString("username"));
        String setCookie = changed.header("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("TR_SESSION=") && setCookie.contains("HttpOnly"), setCookie);
        String renewed = setCookie.substring("TR_SESSION=".length(), setCookie.indexOf(';'));

        assertEquals(401, basic.get("/api/tickets?limit=1").status(), "the old password is refused at once");
        assertEquals(
                401,
                Http.withSessionCookie(server, other)
                        .get("/api/tickets?limit=1")
                        .status(),
                "the user's other sessions end");
        assertEquals(
                200,
                Http.withSessionCookie(server, renewed)
                        .get("/api/tickets?limit=1")
                        .status(),
                "the caller stays signed in with the new session");
        assertEquals(
                200, Http.as(server, name, fresh).get("/api/tickets?limit=1").status());
        assertEquals(
                403,
                Http.as(server, name, fresh).delete("/api/users/admin").status(),
                "changing one's password grants nothing more");
    }

    // ------------------------------------------------------------------------------------------ login sessions

    @Test
    void theLoginSessionCookieIsHttpOnlyStrictAndRefusedFromOtherSites() throws Exception {
        String name = "session-" + unique();
        addUser(name, "agent");
        String reference = ticketAsAdmin("session");
        Http.Answer wrong =
                anonymous.post("/api/session", "{\"username\": " + q(name) + ", \"password\": \"nope-nope-nope\"}");
        assertEquals(401, wrong.status());
        assertTrue(wrong.header("Set-Cookie").isEmpty());

        Http.Answer signedIn = anonymous.post(
                "/api/session", "{\"username\": " + q(name) + ", \"password\": " + q(password(name)) + "}");
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals(name, signedIn.json().getString("username"));
        String setCookie = signedIn.header("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("TR_SESSION="), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String token = setCookie.substring("TR_SESSION=".length(), setCookie.indexOf(';'));
        List<Map<String, String>> rows = sessionRows(name);
        assertEquals(1, rows.size(), "one sign-in, one session row (the refused one made none): " + rows);
        assertEquals(
                sha256Hex(token),
                rows.get(0).get("token_digest"),
                "the row holds the SHA-256 of the token the browser holds, as lower-case hex");
        for (Map<String, String> row : allSessionRows()) {
            row.forEach((column, value) ->
                    assertFalse(value != null && value.contains(token), "no column holds the token itself: " + column));
        }

        Http cookie = Http.withSessionCookie(server, token);
        assertEquals(200, cookie.get("/api/tickets?limit=1").status());
        assertEquals(name, cookie.get("/api/session").json().getString("username"));
        Http.Answer foreign = cookie.send(HttpRequest.newBuilder(server.url("/api/tickets/" + reference))
                .header("Origin", "http://attacker.example")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"resolved\"}")));
        assertEquals(401, foreign.status(), "a page of another site cannot use the agent's cookie: " + foreign);
        assertEquals("open", admin.get("/api/tickets/" + reference).json().getString("status"));
        Http.Answer sameSite = cookie.send(HttpRequest.newBuilder(server.url("/api/tickets/" + reference))
                .header("Origin", "http://127.0.0.1:" + server.port())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"resolved\"}")));
        assertEquals(200, sameSite.status(), sameSite.toString());
        assertEquals(
                200,
                new Http(server, "Bearer " + token).get("/api/tickets?limit=1").status(),
                "programs may send the session token as a Bearer token");

        assertEquals(204, cookie.delete("/api/session").status());
        assertEquals(401, cookie.get("/api/tickets?limit=1").status(), "signed out: the cookie is dead");
        assertEquals(List.of(), sessionRows(name), "signing out removes the session row");
    }

    // ------------------------------------------------------------------------------------------ WebSocket

    @Test
    void theWebSocketHandshakeNeedsAnAgentAndTheTokenNeverTravels() throws Exception {
        int port = server.port();
        assertThrows(
                DeploymentException.class,
                () -> DashboardSocket.open(port, Credentials.webSocket(null)).close(),
                "an anonymous handshake is refused");
        assertThrows(
                DeploymentException.class,
                () -> DashboardSocket.open(
                                port, Credentials.webSocket(Credentials.basic("admin", "wrong-password-here")))
                        .close());

        String name = "socket-" + unique();
        addUser(name, "agent");
        String token = signIn(name);
        assertThrows(
                DeploymentException.class,
                () -> DashboardSocket.open(port, cookieHandshake(token, "http://attacker.example"))
                        .close(),
                "cross-site WebSocket hijacking is refused");

        // the dashboard's way (the session cookie from this server's own page) and a program's (HTTP Basic)
        try (DashboardSocket byCookie = DashboardSocket.open(port, cookieHandshake(token, "http://127.0.0.1:" + port));
                DashboardSocket byBasic =
                        DashboardSocket.open(port, Credentials.webSocket(Credentials.basic(name, password(name))))) {
            Http.Answer created = anonymous.post("/api/tickets", "{\"body\": " + q(TEXT + " socket " + unique()) + "}");
            assertEquals(201, created.status(), created.toString());
            String reference = created.json().getString("reference");
            String statusToken = created.json().getString("status_token");
            for (Map.Entry<String, DashboardSocket> e :
                    Map.of("cookie", byCookie, "basic", byBasic).entrySet()) {
                String message = e.getValue().await("created", reference).text();
                assertFalse(
                        message.contains("status_token"),
                        "the customer's token is not pushed to dashboards (" + e.getKey() + ")");
                assertFalse(message.contains(statusToken));
            }
        }
    }

    @Test
    void signingOutOrChangingThePasswordClosesThatUsersOpenDashboards() throws Exception {
        int port = server.port();
        String origin = "http://127.0.0.1:" + port;
        String leaving = "leaving-" + unique();
        String staying = "staying-" + unique();
        addUser(leaving, "agent");
        addUser(staying, "agent");

        String first = signIn(leaving);
        try (DashboardSocket other =
                DashboardSocket.open(port, Credentials.webSocket(Credentials.basic(staying, password(staying))))) {
            try (DashboardSocket firstSocket = DashboardSocket.open(port, cookieHandshake(first, origin))) {
                assertEquals(
                        204,
                        Http.withSessionCookie(server, first)
                                .delete("/api/session")
                                .status());
                assertEquals(
                        1008,
                        firstSocket.awaitClose().getCloseCode().getCode(),
                        "signing out closes that user's dashboard");
            }

            String second = signIn(leaving);
            try (DashboardSocket secondSocket = DashboardSocket.open(port, cookieHandshake(second, origin))) {
                Http.Answer changed = Http.as(server, leaving, password(leaving))
                        .put(
                                "/api/session/password",
                                "{\"current_password\": " + q(password(leaving))
                                        + ", \"new_password\": \"the-next-password-1\"}");
                assertEquals(200, changed.status(), changed.toString());
                assertEquals(
                        1008,
                        secondSocket.awaitClose().getCloseCode().getCode(),
                        "a password change closes the dashboard");
            }
            assertThrows(
                    DeploymentException.class,
                    () -> DashboardSocket.open(port, cookieHandshake(second, origin))
                            .close(),
                    "the ended session cannot open a dashboard again");

            assertTrue(other.isOpen(), "another user's dashboard stays open");
            Http.Answer created = anonymous.post("/api/tickets", "{\"body\": " + q(TEXT + " stays " + unique()) + "}");
            assertEquals(201, created.status(), created.toString());
            other.await("created", created.json().getString("reference"));
            assertTrue(other.isOpen(), "and keeps receiving tickets");
        }
    }

    // ------------------------------------------------------------------------------------------ customers

    @Test
    void customersSeeTheirStatusWithReferenceAndTokenAndNothingElse() throws Exception {
        Http.Answer created = anonymous.post(
                "/api/tickets",
                "{\"subject\": \"Where is my order\", \"body\": " + q(TEXT + " status " + unique())
                        + ", \"customer_email\": \"ada@example.com\"}");
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
        assertEquals(
                java.util.Set.of("reference", "subject", "status", "team", "created_at", "updated_at"),
                s.keySet(),
                "only what the customer wrote and where it stands: no e-mail, notes or model details");

        admin.patch("/api/tickets/" + reference, "{\"status\": \"resolved\"}");
        assertEquals("resolved", lookUp(reference, token).json().getString("status"));

        Http.Answer other = anonymous.post("/api/tickets", "{\"body\": " + q(TEXT + " other " + unique()) + "}");
        String otherToken = other.json().getString("status_token");
        Http.Answer wrong =
                lookUp(reference, token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"));
        Http.Answer swapped = lookUp(reference, otherToken);
        Http.Answer unknown = lookUp("TR-999999999", token);
        for (Http.Answer a : List.of(wrong, swapped, unknown)) {
            assertEquals(404, a.status(), a.toString());
            assertEquals(
                    "no ticket with this reference and status token: check both",
                    a.json().getString("detail"),
                    "a wrong token and an unknown reference cannot be told apart");
        }
        Http.Answer missing = anonymous.get("/api/tickets/" + reference + "/status");
        assertEquals(400, missing.status());
        assertEquals(401, anonymous.get("/api/tickets/" + reference).status(), "the full ticket stays for agents");
        assertFalse(admin.get("/api/tickets/" + reference).body().contains("status_token"));
        assertFalse(admin.get("/api/tickets?limit=50").body().contains(token));
    }

    /** The default limit: anonymous tickets per address and minute. */
    private static final int LIMIT = 20;
    /** Greedy refill (Bucket4j, see RateLimits): one more ticket every 60/20 = 3 s after the burst. */
    private static final Duration REFILL = Duration.ofSeconds(60 / LIMIT);

    @Test
    void anonymousTicketsAndRequestsAreLimitedPerAddressWith429AndRetryAfter() throws Exception {
        Database limitDb = Database.forThisRun("securitylimit");
        Path limitData = WorkDirs.fresh("security-limit-" + db.kind + "-data");
        Map<String, String> config = TestServer.config(limitData, TestServer.MODEL, limitDb);
        config.put("ticketrouter.ratelimit.tickets-per-minute", null); // the product's default, which tests lift
        config.put("ticketrouter.ratelimit.anonymous-per-minute", Integer.toString(ANONYMOUS_LIMIT));
        try (TestServer limited = TestServer.start("security-limit-" + db.kind, config)) {
            int port = limited.port();
            // Each burst comes from an address of its own (127.0.0.x, all loopback): a fresh, full bucket. All 21
            // requests are sent at once on open connections; when the last answer is back within one refill period
            // the bucket cannot have gained a ticket, so exactly 20 pass. A slower burst (a busy machine) proves
            // nothing exact and is repeated from another address.
            List<Sent> burst = null;
            String address = null;
            long took = 0;
            for (int attempt = 2; attempt <= 4 && burst == null; attempt++) {
                address = "127.0.0." + attempt;
                List<Sent> answers = burst(port, address, LIMIT + 1);
                took = answers.stream().mapToLong(Sent::answered).max().orElseThrow()
                        - answers.stream().mapToLong(Sent::sent).min().orElseThrow();
                if (took < REFILL.toNanos()) {
                    burst = answers;
                } else {
                    System.out.printf(
                            "[it] rate limit: the burst from %s took %d ms, longer than a refill period; "
                                    + "again from another address%n",
                            address, took / 1_000_000);
                }
            }
            assertNotNull(
                    burst,
                    "no burst of " + (LIMIT + 1) + " requests was answered within " + REFILL.toSeconds()
                            + " s (the last took " + took / 1_000_000 + " ms)");
            Map<Integer, Long> statuses = burst.stream()
                    .collect(java.util.stream.Collectors.groupingBy(
                            b -> b.answer().status(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
            assertEquals(Map.of(201, (long) LIMIT, 429, 1L), statuses, "exactly " + LIMIT + " accepted, then refused");
            Sent refused = burst.stream()
                    .filter(b -> b.answer().status() == 429)
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    refused.answer().header("Content-Type").startsWith("application/problem+json"),
                    refused.answer().toString());
            JsonObject problem = json(refused.answer().body());
            assertEquals("/docs/problems.html#too-many-requests", problem.getString("type"));
            assertEquals(429, problem.getInt("status"));
            long retryAfter = Long.parseLong(refused.answer().header("Retry-After"));
            assertTrue(
                    retryAfter >= 1 && retryAfter <= REFILL.toSeconds(),
                    "Retry-After is the wait for the next refill, at most one period: " + retryAfter);
            assertEquals(
                    "at most 20 tickets a minute may be sent from one address: try again in " + retryAfter + " s",
                    problem.getString("detail"));
            System.out.printf(
                    "[it] rate limit: %d accepted, then 429 with Retry-After %d s (burst from %s answered "
                            + "in %d ms)%n",
                    statuses.get(201), retryAfter, address, took / 1_000_000);

            // the limit is per address: another address, and a signed-in agent from the same one, still send
            assertEquals(201, post(port, "127.0.0.5", null).status(), "another address has its own allowance");
            assertEquals(
                    201,
                    post(port, address, Credentials.ADMIN_BASIC).status(),
                    "signed-in agents are not limited (they enter tickets from the phone, for example)");

            anonymousRequestsAreLimitedPerAddress(port);

            // after Retry-After the address may send again, and not (noticeably) before. Asked five times a second:
            // every
            // try is also a request without credentials, and at Eventually's pace the tries alone would use up the
            // address's allowance of such requests (ANONYMOUS_LIMIT a minute) before Retry-After has passed.
            String from = address;
            long[] accepted = new long[1];
            List<String> refusedLate = new ArrayList<>();
            Eventually.until(
                    Duration.ofSeconds(retryAfter + 30), "a ticket from " + from + " after Retry-After", () -> {
                        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                        long sent = System.nanoTime();
                        RawHttp.Answer a = post(port, from, null);
                        if (a.status() == 201) {
                            accepted[0] = System.nanoTime();
                            return true;
                        }
                        assertEquals(429, a.status(), a.toString());
                        if (sent - refused.answered() >= TimeUnit.SECONDS.toNanos(retryAfter)) {
                            refusedLate.add((sent - refused.answered()) / 1_000_000 + " ms after the 429: " + a);
                        }
                        return false;
                    });
            assertEquals(List.of(), refusedLate, "refused although Retry-After (" + retryAfter + " s) had passed");
            assertTrue(
                    accepted[0] - refused.sent() > TimeUnit.SECONDS.toNanos(retryAfter - 1),
                    "accepted " + (accepted[0] - refused.sent()) / 1_000_000 + " ms after the refused request was "
                            + "sent, sooner than its Retry-After " + retryAfter + " s allows (it rounds up to whole "
                            + "seconds, never more)");
        }
    }

    /** Requests without credentials per address and minute on the rate-limit test's server. */
    private static final int ANONYMOUS_LIMIT = 120;

    /**
     * Any request without credentials counts (pages and scripts too): from a fresh address the first
     * {@value #ANONYMOUS_LIMIT} pass, then 429 problem+json with Retry-After; a signed-in agent from the same
     * address is not limited.
     */
    private static void anonymousRequestsAreLimitedPerAddress(int port) throws Exception {
        String address = "127.0.0.9";
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Answer refused = null;
        for (int i = 0; i < ANONYMOUS_LIMIT + 60 && refused == null; i++) {
            RawHttp.Answer a = get(port, address, "/css/app.css", null);
            statuses.add(a.status());
            if (a.status() == 429) {
                refused = a;
            }
        }
        assertEquals(
                java.util.Collections.nCopies(ANONYMOUS_LIMIT, 200),
                statuses.subList(0, Math.min(ANONYMOUS_LIMIT, statuses.size())),
                "the first " + ANONYMOUS_LIMIT + " pass");
        assertNotNull(refused, "refused once the minute's allowance is spent: " + statuses.size() + " sent");
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.toString());
        JsonObject problem = json(refused.body());
        assertEquals("/docs/problems.html#too-many-requests", problem.getString("type"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertEquals(1, retryAfter, "one more request every 60/" + ANONYMOUS_LIMIT + " s: Retry-After rounds up to 1");
        assertTrue(problem.getString("detail").contains("without credentials"), problem.toString());
        assertEquals(
                200,
                get(port, address, "/css/app.css", Credentials.ADMIN_BASIC).status(),
                "a signed-in user from the same address is not limited");
        System.out.printf(
                "[it] anonymous requests: %d passed, then 429 with Retry-After %d s%n", ANONYMOUS_LIMIT, retryAfter);
    }

    /** A GET from {@code localAddress}, anonymous or with the given Authorization header. */
    private static RawHttp.Answer get(int port, String localAddress, String path, String authorization) {
        try (java.net.Socket socket = connect(port, localAddress)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                                    + (authorization == null ? "" : "\r\nAuthorization: " + authorization) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return RawHttp.readAnswer(socket.getInputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A raw answer with the client's clock ({@link System#nanoTime()}) when its request left and when it was read. */
    private record Sent(RawHttp.Answer answer, long sent, long answered) {}

    /**
     * {@code n} anonymous tickets from {@code localAddress} at once: all connections are opened first, then every
     * request is written, then every answer read.
     */
    private static List<Sent> burst(int port, String localAddress, int n) throws Exception {
        List<java.net.Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(connect(port, localAddress));
            }
            long[] sent = new long[n];
            for (int i = 0; i < n; i++) {
                sent[i] = System.nanoTime();
                sockets.get(i).getOutputStream().write(ticketRequest(port, null, "burst " + i));
                sockets.get(i).getOutputStream().flush();
            }
            List<Sent> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RawHttp.Answer a = RawHttp.readAnswer(sockets.get(i).getInputStream());
                answers.add(new Sent(a, sent[i], System.nanoTime()));
            }
            return answers;
        } finally {
            for (java.net.Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** One ticket from {@code localAddress}, anonymous or with the given Authorization header. */
    private static RawHttp.Answer post(int port, String localAddress, String authorization) {
        try (java.net.Socket socket = connect(port, localAddress)) {
            socket.getOutputStream().write(ticketRequest(port, authorization, "single"));
            socket.getOutputStream().flush();
            return RawHttp.readAnswer(socket.getInputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.net.Socket connect(int port, String localAddress) throws java.io.IOException {
        java.net.Socket socket = new java.net.Socket();
        socket.bind(new java.net.InetSocketAddress(localAddress, 0));
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static byte[] ticketRequest(int port, String authorization, String word) {
        byte[] body = ("{\"body\": " + q(TEXT + " " + word + " " + unique()) + "}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] head8859 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head8859, head8859.length + body.length);
        System.arraycopy(body, 0, all, head8859.length, body.length);
        return all;
    }

    private static JsonObject json(String text) {
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return r.readObject();
        }
    }

    @Test
    void corsIsAnAllowListThatIsEmptyUnlessConfigured() throws Exception {
        Http.Answer preflight = anonymous.send(HttpRequest.newBuilder(server.url("/api/tickets"))
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.status());
        assertEquals(
                ALLOWED_ORIGIN, preflight.header("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.header("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Credentials").isEmpty(), "cookies never cross origins");

        Http.Answer foreign = anonymous.send(HttpRequest.newBuilder(server.url("/api/tickets"))
                .header("Origin", "https://attacker.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertTrue(
                foreign.header("Access-Control-Allow-Origin").isEmpty(),
                foreign.raw().headers().toString());
        Http.Answer read = admin.send(HttpRequest.newBuilder(server.url("/api/tickets?limit=1"))
                .header("Origin", "https://attacker.example")
                .GET());
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
            assertEquals(
                    0,
                    TicketRouterCommand.commandLine()
                            .execute(
                                    "users",
                                    "add",
                                    name,
                                    "--role",
                                    "agent",
                                    "--password-stdin",
                                    "--data-dir",
                                    data.toString()));
            Http cli = Http.as(server, name, "cli-password-12345");
            assertEquals(200, cli.get("/api/tickets?limit=1").status(), "a user added with the command signs in");
            assertEquals(403, cli.delete("/api/tickets/TR-000001").status());

            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(
                    1,
                    TicketRouterCommand.commandLine()
                            .execute("users", "passwd", name, "--password-stdin", "--data-dir", data.toString()),
                    "a too short password is refused");
            assertEquals(
                    1,
                    TicketRouterCommand.commandLine()
                            .execute("users", "remove", "admin", "--data-dir", data.toString()),
                    "the last admin cannot be removed");

            System.setIn(new ByteArrayInputStream("cli-changed-password-678\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(
                    0,
                    TicketRouterCommand.commandLine()
                            .execute("users", "passwd", name, "--password-stdin", "--data-dir", data.toString()));
            Http changed = Http.as(server, name, "cli-changed-password-678");
            assertEquals(
                    200,
                    changed.get("/api/tickets?limit=1").status(),
                    "the new password works at once (it was never verified, so nothing cached stands in its way)");
            // the server trusts what it verified for cache-seconds (2 s here, 60 s by default)
            Eventually.until(
                    CACHE_BOUND,
                    "the old password is refused once the server's cache let it go",
                    () -> status(cli, "/api/tickets?limit=1") == 401);
            assertEquals(200, changed.get("/api/tickets?limit=1").status());

            assertEquals(
                    0,
                    TicketRouterCommand.commandLine().execute("users", "remove", name, "--data-dir", data.toString()));
            Eventually.until(
                    CACHE_BOUND,
                    "a removed user is refused once the server's cache let them go",
                    () -> status(changed, "/api/tickets?limit=1") == 401);
        } finally {
            System.setIn(stdin);
            dbProps.keySet().forEach(System::clearProperty);
        }
    }

    // ------------------------------------------------------------------------------------------ first start

    @Test
    void theFirstStartWithoutAPasswordGeneratesOneForAdminReadableOnlyByTheServer() throws Exception {
        Database firstDb = Database.forThisRun("securityfirst");
        Path firstData = WorkDirs.fresh("security-first-" + db.kind + "-data");
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
            assertEquals(
                    200, Http.as(first, "admin", password).get("/api/users").status());
            assertEquals(
                    401,
                    Http.as(first, "admin", Credentials.ADMIN_PASSWORD)
                            .get("/api/users")
                            .status());
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A liveness bound for changes made beside the server to show (its credential cache keeps them 2 s). */
    private static final Duration CACHE_BOUND = Duration.ofSeconds(30);

    private static int status(Http http, String path) {
        try {
            return http.get(path).status();
        } catch (Exception e) {
            throw new AssertionError("GET " + path, e);
        }
    }

    /** The session rows of a user, every column as text. */
    private static List<Map<String, String>> sessionRows(String username) throws Exception {
        return allSessionRows().stream()
                .filter(r -> username.equals(r.get("username")))
                .toList();
    }

    private static List<Map<String, String>> allSessionRows() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = db.connect(data);
                PreparedStatement p = c.prepareStatement("SELECT * FROM tr_session");
                ResultSet r = p.executeQuery()) {
            java.sql.ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, String> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String sha256Hex(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String password(String user) {
        return "pw-of-" + user + "-long-enough";
    }

    private static Http addUser(String name, String role) throws Exception {
        Http.Answer a = admin.post(
                "/api/users",
                "{\"username\": " + q(name) + ", \"password\": " + q(password(name)) + ", \"role\": " + q(role) + "}");
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
        Http.Answer a = anonymous.post(
                "/api/session", "{\"username\": " + q(name) + ", \"password\": " + q(password(name)) + "}");
        assertEquals(200, a.status(), a.toString());
        String setCookie = a.header("Set-Cookie").orElseThrow();
        return setCookie.substring("TR_SESSION=".length(), setCookie.indexOf(';'));
    }

    private static Http.Answer lookUp(String reference, String token) throws Exception {
        return anonymous.send(HttpRequest.newBuilder(server.url("/api/tickets/" + reference + "/status"))
                .header("X-Status-Token", token)
                .GET());
    }

    private static ClientEndpointConfig cookieHandshake(String token, String origin) {
        return ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("Cookie", List.of("TR_SESSION=" + token));
                        headers.put("Origin", List.of(origin));
                    }
                })
                .build();
    }
}

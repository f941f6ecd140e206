package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The WAR that the build produced, deployed on a full Payara Server 6 (the {@code fish.payara.distributions:payara}
 * zip, unpacked into {@code target/payara-server/} by the pom) the way an operator would: a new domain,
 * {@code asadmin start-domain}, then only {@code server-config/configure-payara.sh} with {@code DB=postgresql} (the
 * docs/operations.md, "Deploying on an existing Payara Server"). Then: the deployed archive is byte for byte
 * {@code target/ticket-router.war}, {@code /health} and {@code /health/ready} answer UP with the model loaded,
 * {@code POST /api/predict} classifies, and a ticket posted to {@code /api/tickets} is in PostgreSQL.
 *
 * <p>What the operator would not do, and the test does to share the machine: the domain lives under
 * {@code target/it/payara-server/} and takes a free {@code --portbase} (admin = base+48, HTTP = base+80, ...), the
 * database is {@code tr_fullserver_<checkout>} at 127.0.0.1:5432 (created empty, dropped afterwards), and the domain
 * is stopped in every outcome. Runs in the PostgreSQL execution of failsafe only ({@code it.db=postgresql}).
 * On a failure the tail of the domain's server.log is printed; every asadmin call is logged to
 * {@code target/it/payara-server/asadmin.log}.
 */
@EnabledIfSystemProperty(
        named = "it.db",
        matches = "postgresql",
        disabledReason = "PayaraServerIT runs in the PostgreSQL run only (excluded from the H2 run in pom.xml)")
class PayaraServerIT {

    /** The first admin's password: the only place it is set (configure-payara.sh stores it as a password alias). */
    private static final String ADMIN_PASSWORD = "it-admin-" + UUID.randomUUID();

    private static final Path HOME = Path.of(System.getProperty("it.payaraServerHome", "target/payara-server/payara6"))
            .toAbsolutePath();
    private static final Path BASEDIR =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path WORK = TestServer.WORK.resolve("payara-server").toAbsolutePath();
    private static final Path DOMAINS = WORK.resolve("domains");
    private static final String DOMAIN = "ticketrouter";
    /** Offsets from --portbase that create-domain assigns (Payara 6: also Hazelcast DAS +49 and start +59). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final Path asadminLog = WORK.resolve("asadmin.log");
    private int portBase;
    private String database;

    @Test
    void warDeploysOnPayaraServerConfiguredByTheScripts() throws Exception {
        TestModel.require();
        if (!Files.isExecutable(HOME.resolve("bin/asadmin")) && !Files.isRegularFile(HOME.resolve("bin/asadmin"))) {
            fail("no Payara Server at " + HOME + " (unpacked by maven-dependency-plugin at pre-integration-test)");
        }
        makeExecutable();
        Path war = TestServer.WAR.toAbsolutePath();
        assertTrue(Files.isRegularFile(war), "no WAR at " + war);

        stopLeftOverDomain();
        WorkDirs.delete(WORK);
        Files.createDirectories(WORK);
        database = createDatabase();
        boolean started = false;
        try {
            portBase = freePortBase();
            step(
                    "create-domain",
                    () -> asadmin(
                            120,
                            "create-domain",
                            "--domaindir",
                            DOMAINS.toString(),
                            "--portbase",
                            Integer.toString(portBase),
                            "--nopassword",
                            DOMAIN));
            started = true; // from here on, always try to stop it
            step("start-domain", () -> asadmin(300, "start-domain", "--domaindir", DOMAINS.toString(), DOMAIN));
            step("configure-payara.sh (configure + deploy)", () -> configureAndDeploy(war));
            step("checks", () -> checks(war));
        } catch (Throwable t) {
            dumpServerLog();
            throw t;
        } finally {
            if (started) {
                step("stop-domain", this::stopDomain);
            }
            dropDatabase();
            System.out.println("[it] PayaraServerIT timings: " + timings);
        }
    }

    // ------------------------------------------------------------------------------------------------ the steps

    private void configureAndDeploy(Path war) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB", "postgresql");
        env.put("ASADMIN", HOME.resolve("bin/asadmin").toString());
        env.put("MODELS_DIR", TestServer.MODEL.toAbsolutePath().toString());
        env.put("DATA_DIR", WORK.resolve("data").toString());
        env.put("PG_HOST", "127.0.0.1");
        env.put("PG_PORT", "5432");
        env.put("PG_DB", database);
        env.put("PG_USER", Database.PG_USER);
        env.put("PG_PASSWORD", "unused-with-trust-auth");
        env.put("TICKET_ROUTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        run(
                300,
                env,
                "bash",
                BASEDIR.resolve("server-config/configure-payara.sh").toString(),
                war.toString());
    }

    private void checks(Path war) throws Exception {
        // deployed, and the archive the server holds is exactly the one the build produced
        String apps = asadmin(60, "list-applications");
        assertTrue(apps.contains("ticket-router"), "ticket-router is not deployed: " + apps);
        Path uploaded = DOMAINS.resolve(DOMAIN).resolve("applications/__internal/ticket-router/ticket-router.war");
        assertTrue(Files.isRegularFile(uploaded), "the server's copy of the deployed archive is missing: " + uploaded);
        assertEquals(sha256(war), sha256(uploaded), "the deployed archive is target/ticket-router.war");

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://127.0.0.1:" + (portBase + 80);

        HttpResponse<String> health = send(
                client, HttpRequest.newBuilder(URI.create(base + "/health")).GET());
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", json(health.body()).getString("status"), health.body());

        HttpResponse<String> ready = send(
                client,
                HttpRequest.newBuilder(URI.create(base + "/health/ready")).GET());
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject readiness = json(ready.body());
        assertEquals("UP", readiness.getString("status"), ready.body());
        assertTrue(
                readiness.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                        .anyMatch(c -> "model".equals(c.getString("name")) && "UP".equals(c.getString("status"))),
                "the model is loaded: " + ready.body());
        assertFalse(
                ready.body().contains(TestServer.MODEL.toAbsolutePath().toString()),
                "the open health endpoint names no file-system path: " + ready.body());

        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> model = send(
                client,
                HttpRequest.newBuilder(URI.create(base + "/api/model"))
                        .header("Authorization", basic)
                        .GET());
        assertEquals(
                TestServer.MODEL.toAbsolutePath().toString(),
                json(model.body()).getString("directory", ""),
                "the admin sees where the model was loaded from: " + model.body());
        HttpResponse<String> predict = postJson(
                client,
                base + "/api/predict",
                basic,
                "{\"subject\": \"Cannot log in\", \"body\": \"Since this "
                        + "morning I cannot log in to the portal, it says my password is wrong.\"}");
        assertEquals(200, predict.statusCode(), predict.body());
        JsonObject p = json(predict.body());
        assertFalse(p.getJsonObject("queue").getString("label").isBlank(), predict.body());
        assertTrue(
                Set.of("high", "medium", "low")
                        .contains(p.getJsonObject("priority").getString("label")),
                predict.body());

        String marker = "fullserver" + Long.toHexString(System.nanoTime());
        String body = "My card was charged twice for invoice " + marker + ". Please refund one payment.";
        HttpResponse<String> created = postJson(
                client,
                base + "/api/tickets",
                basic,
                "{\"subject\": \"Invoice charged twice\", \"body\": " + Json.createValue(body) + "}");
        assertEquals(201, created.statusCode(), created.body());
        String reference = json(created.body()).getString("reference");
        try (Connection c = DriverManager.getConnection(pgUrl(database), Database.PG_USER, "");
                PreparedStatement s =
                        c.prepareStatement("SELECT body, predicted_queue FROM ticket WHERE reference = ?")) {
            s.setString(1, reference);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "ticket " + reference + " is not in PostgreSQL database " + database);
                assertEquals(body, rs.getString(1));
                assertFalse(rs.getString(2).isBlank());
            }
        }
        System.out.printf(
                "[it] PayaraServerIT: predict -> %s / %s; ticket %s stored in PostgreSQL database %s%n",
                p.getJsonObject("queue").getString("label"),
                p.getJsonObject("priority").getString("label"),
                reference,
                database);
    }

    private void stopDomain() throws Exception {
        try {
            asadmin(120, "stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        } catch (Throwable t) {
            System.out.println("[it] stop-domain failed (" + t.getMessage() + "); killing the domain's process");
            killDomainProcess();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        long start = System.nanoTime();
        System.out.println("[it] PayaraServerIT: " + name + " ...");
        try {
            step.run();
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            timings.put(name, ms);
            System.out.printf("[it] PayaraServerIT: %s took %.1f s%n", name, ms / 1000.0);
        }
    }

    private String asadmin(int timeoutSeconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("bin/asadmin").toString());
        cmd.addAll(List.of(args));
        return run(timeoutSeconds, Map.of(), cmd.toArray(String[]::new));
    }

    /** Runs a command with asadmin's environment; fails on a non-zero exit or a time-out. Returns its output. */
    private String run(int timeoutSeconds, Map<String, String> extraEnv, String... cmd) throws Exception {
        Path out = Files.createTempFile(WORK, "cmd", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        env.put("AS_JAVA", System.getProperty("java.home"));
        env.put("AS_ADMIN_PORT", Integer.toString(portBase + 48));
        env.put("WEKA_HOME", WORK.resolve("wekafiles").toString());
        env.put("TERM", "dumb");
        env.remove("AS_ADMIN_PASSWORDFILE");
        env.putAll(extraEnv);
        Process process = pb.start();
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(out);
        Files.delete(out);
        String shown = String.join(" ", cmd);
        Files.writeString(
                asadminLog,
                "$ " + shown + "\n" + output + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (!done) {
            fail("timed out after " + timeoutSeconds + " s: " + shown + "\n" + output);
        }
        if (process.exitValue() != 0) {
            fail("exit " + process.exitValue() + ": " + shown + "\n" + output);
        }
        return output;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of this JSON with this Authorization header. */
    private static HttpResponse<String> postJson(HttpClient client, String url, String authorization, String json)
            throws Exception {
        return send(
                client,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonObject json(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A --portbase whose every derived port is free now (random, so parallel runs rarely try the same). */
    private static int freePortBase() {
        return Ports.pickBlock(PORT_OFFSETS);
    }

    /** The domain of an earlier run that died before its finally: stop it, it would hold its ports. */
    private void stopLeftOverDomain() throws Exception {
        if (Files.exists(DOMAINS.resolve(DOMAIN).resolve("config/pid"))) {
            System.out.println("[it] PayaraServerIT: stopping the domain left over by an earlier run");
            killDomainProcess();
        }
    }

    private static void killDomainProcess() throws Exception {
        Path pid = DOMAINS.resolve(DOMAIN).resolve("config/pid");
        if (Files.exists(pid)) {
            long id = Long.parseLong(Files.readString(pid).trim());
            var handle = ProcessHandle.of(id);
            if (handle.isPresent()
                    && handle.get().info().commandLine().orElse("").contains(DOMAINS.toString())) {
                handle.get().destroyForcibly();
                handle.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private void makeExecutable() throws IOException {
        for (Path p : List.of(HOME.resolve("bin/asadmin"), HOME.resolve("glassfish/bin/asadmin"))) {
            if (Files.exists(p) && !Files.isExecutable(p)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private void dumpServerLog() {
        Path log = DOMAINS.resolve(DOMAIN).resolve("logs/server.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no " + log + ")");
            System.out.println(
                    "[it] PayaraServerIT FAILED; last 120 lines of " + log + " (asadmin calls: " + asadminLog + "):");
            lines.subList(Math.max(0, lines.size() - 120), lines.size()).forEach(l -> System.out.println("  | " + l));
        } catch (IOException e) {
            System.out.println("[it] cannot read " + log + ": " + e);
        }
    }

    // ------------------------------------------------------------------------------------------------ database

    private static String pgUrl(String db) {
        return Database.PG_URL.substring(0, Database.PG_URL.lastIndexOf('/') + 1) + db;
    }

    /** A database of its own, named after the checkout (like the other ITs' schemas), created empty. */
    private static String createDatabase() {
        String name = "tr_fullserver_"
                + Integer.toHexString(BASEDIR.normalize().toString().hashCode());
        try (Connection c = DriverManager.getConnection(Database.PG_URL, Database.PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + Database.PG_URL + " (" + e.getMessage()
                    + "): PayaraServerIT is SKIPPED";
            System.out.println("[it] WARNING " + message);
            Assumptions.abort(message);
        }
        return name;
    }

    private void dropDatabase() {
        if (database == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(Database.PG_URL, Database.PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.out.println("[it] PayaraServerIT: could not drop database " + database + ": " + e.getMessage());
        }
    }
}

package io.ticketrouter.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on Payara Micro, in its own JVM, on a free port outside the ephemeral range ({@link Ports}), at context root {@code /}. Unlike an
 * Arquillian container it can be stopped and started again inside one test (the dashboard reconnection test needs
 * that). Output goes to {@code target/it-server/server-N.log}.
 *
 * <p>The model is the real bundle trained from {@code data/sample} for the integration tests ({@code it.model},
 * default {@code target/test-model}).
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("it.server.startSeconds", 180));

    private final Path base = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    private final Path work = base.resolve("target/it-web");
    private final Path microJar = base.resolve("target/payara-micro.jar");
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final int port;
    private final Path war;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    public ServerProcess() {
        try {
            Files.createDirectories(work.resolve("tmp"));
            Path built = base.resolve(System.getProperty("it.war", "target/ticket-router.war"));
            if (!Files.isRegularFile(built) || !Files.isRegularFile(microJar)) {
                throw new IllegalStateException("Run the integration tests through Maven (mvn verify): " + built
                        + " and " + microJar + " are made in the package phase");
            }
            Path model = base.resolve(System.getProperty("it.model", "target/test-model"));
            if (!Files.isDirectory(model)) {
                throw new IllegalStateException("no trained test model at " + model + " (the build trains it from"
                        + " data/sample at pre-integration-test; run the tests through mvn verify)");
            }
            war = built;
            port = Ports.pick();
            environment.put("WEKA_HOME", base.resolve("target/wekafiles").toString());
            properties.putAll(Credentials.serverDefaults());
            properties.put("ticketrouter.models.dir", model.toString());
            properties.put("ticketrouter.data.dir", work.resolve("data-" + System.currentTimeMillis()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Extra environment for the server process (for example the model directory), before {@link #start()}. */
    public ServerProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public URI url(String path) {
        return base().resolve(path);
    }

    public synchronized ServerProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        starts++;
        Path log = work.resolve("server-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + work.resolve("tmp")));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", microJar.toString(),
                "--nocluster", "--port", String.valueOf(port), "--contextroot", "/", "--deploy", war.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Payara Micro", e);
        }
        long deadline = started + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            String failure = io.ticketrouter.cli.ServeCommand.startFailure(readLog(log));
            if (failure != null) {
                stop();
                throw new IllegalStateException("Payara Micro failed to start on port " + port + ": " + failure
                        + "; see " + log);
            }
            if (answers("api") && answers("index.html") && logContains(log, "ready in")) {
                String api = body("api");
                if (!api.replaceAll("\\s", "").contains("\"model_ready\":true")) {
                    stop();
                    throw new IllegalStateException("the server has no usable model; GET /api says " + api);
                }
                System.out.printf("[it] server ready on %s in %.1f s (log %s)%n", base(),
                        (System.nanoTime() - started) / 1e9, log);
                return this;
            }
            sleep(250);
        }
        System.out.printf("[it] server on %s did not answer (GET /api: %s); what it logged:%n%s%n"
                + "[it] its threads:%n%s%n", base(), body("api"), ThreadDump.problems(readLog(log)),
                ThreadDump.of(process.pid()));
        stop();
        throw new IllegalStateException("Payara Micro was not ready within " + START_TIMEOUT + " (Payara "
                + (logContains(log, "ready in") ? "logged" : "did not log") + " \"ready in\"); see " + log);
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s) and waits until the port is closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answers(String path) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String body(String path) {
        try {
            return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private static boolean logContains(Path log, String text) {
        return readLog(log).contains(text);
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

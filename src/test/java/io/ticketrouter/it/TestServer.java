package io.ticketrouter.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real WAR on a real Payara Micro, started as a separate process like {@code ./ticket-router serve} does: a
 * random free port, {@code --nocluster} (other engineers' servers on this machine must not join), temp files under
 * {@code target/}. Needed for what an in-process container cannot show: a restart on the same data, a kill -9, a
 * server without a model.
 *
 * <p>A cluster member ({@link #start(String, Map, List, Map)} with {@link #clusterArguments}) gets the same Payara
 * options as {@code ./ticket-router serve --cluster} instead of {@code --nocluster}: TCP/IP discovery on 127.0.0.1 only
 * and a cluster name of the test's own, so no other cluster on this machine ever joins it.
 */
final class TestServer implements AutoCloseable {

    static final Path PAYARA = Path.of(System.getProperty("it.payaraJar", "target/payara-micro.jar"));
    static final Path WAR = Path.of(System.getProperty("it.war", "target/ticket-router.war"));
    static final Path MODEL = Path.of(System.getProperty("it.model", "target/test-model"));
    static final Path WORK = Path.of(System.getProperty("it.work", "target/it"));
    /** How long a start may take before it counts as failed (a liveness bound; raise it on a saturated machine). */
    static final long START_SECONDS = Long.getLong("it.server.startSeconds", 180);

    private final String name;
    private final Map<String, String> properties;
    private final List<String> clusterArgs;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int port;
    /** Where this start's output begins in the (appended) log file. */
    private long logStart;

    private TestServer(String name, Map<String, String> properties, List<String> clusterArgs,
                       Map<String, String> environment) {
        this.name = name;
        this.properties = properties;
        this.clusterArgs = clusterArgs;
        this.environment = environment;
        this.log = WORK.resolve(name + ".log");
    }

    /**
     * Starts a server with the given configuration and waits until the application answers. A key mapped to null
     * drops that setting of {@link Credentials#serverDefaults()}, so the product's own default applies.
     */
    static TestServer start(String name, Map<String, String> properties) throws Exception {
        return start(name, properties, List.of("--nocluster"), Map.of());
    }

    /**
     * Starts a server with the given configuration, Payara cluster options ({@code --nocluster} or
     * {@link #clusterArguments}) and extra environment variables, and waits until the application answers.
     */
    static TestServer start(String name, Map<String, String> properties, List<String> clusterArgs,
                            Map<String, String> environment) throws Exception {
        Map<String, String> all = Credentials.serverDefaults();
        all.putAll(properties);
        all.values().removeIf(java.util.Objects::isNull);
        TestServer server = new TestServer(name, all, clusterArgs, environment);
        server.launch();
        return server;
    }

    /**
     * The Payara options of a cluster member, exactly as {@code ./ticket-router serve --cluster} builds them: data grid
     * on 127.0.0.1 at {@code dataGridPort}, members found by TCP/IP at the given loopback ports.
     */
    static List<String> clusterArguments(String clusterName, String instanceName, int dataGridPort,
                                         List<Integer> memberPorts) {
        return io.ticketrouter.cli.ServeCommand.clusterArguments(clusterName, instanceName, "127.0.0.1",
                dataGridPort, memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    }

    private static final String FAILED_TO_START = "failed to start on port ";

    private void launch() throws Exception {
        Files.createDirectories(WORK);
        for (int attempt = 1; ; attempt++) {
            port = Ports.pick();
            String failure = launchOn();
            if (failure == null) {
                return;
            }
            kill();
            if (!failure.startsWith(FAILED_TO_START) || attempt == 3) {
                throw new IllegalStateException("server " + name + " " + failure + "; see " + log.toAbsolutePath());
            }
            // Payara itself gave up (another process took the port between the check and the bind) or lost its
            // listener: said here, and tried again on another port
            System.out.printf("[it] server %s %s; starting again on another port%n", name, failure);
        }
    }

    /** Starts Payara on {@link #port}; null once the application answers, else why it did not. */
    private String launchOn() throws Exception {
        Path tmp = Files.createDirectories(WORK.resolve("tmp"));
        // the same server settings as ./ticket-router serve
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx768m");
        cmd.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", PAYARA.toAbsolutePath().toString(),
                "--deploy", WAR.toAbsolutePath().toString(), "--contextroot", "/",
                "--port", Integer.toString(port)));
        cmd.addAll(clusterArgs);
        cmd.addAll(List.of(
                "--prebootcommandfile", io.ticketrouter.cli.ServeCommand.writePreBootCommands(WORK).toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("WEKA_HOME", WORK.resolve("wekafiles").toAbsolutePath().toString());
        pb.environment().putAll(environment);
        long start = System.nanoTime();
        logStart = Files.exists(log) ? Files.size(log) : 0;
        process = pb.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + START_SECONDS * 1000;
        String lastPoll = "no answer yet";
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                return "exited with " + process.exitValue() + " (" + io.ticketrouter.cli.ServeCommand.startFailure(log()) + ")";
            }
            String failure = io.ticketrouter.cli.ServeCommand.startFailure(log());
            if (failure != null) {
                return FAILED_TO_START + port + ": " + failure;
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(url("/api")).GET()
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("Ticket Router")) {
                    System.out.printf("[it] server %s up on port %d in %d ms%n", name, port,
                            (System.nanoTime() - start) / 1_000_000);
                    return null;
                }
                lastPoll = "GET /api answered " + r.statusCode();
            } catch (IOException e) {
                lastPoll = "GET /api: " + e; // not listening yet
            }
            Thread.sleep(250);
        }
        System.out.printf("[it] server %s did not answer on port %d (last poll: %s); what it logged:%n%s%n"
                + "[it] its threads:%n%s%n", name, port, lastPoll, ThreadDump.problems(log()),
                ThreadDump.of(process.pid()));
        return "did not answer on port " + port + " within " + START_SECONDS + " s (last poll: " + lastPoll + "; Payara "
                + (log().contains("ready in") ? "logged" : "did not log") + " \"ready in\")";
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    /** This server's log file (appended to across restarts under the same name). */
    Path logFile() {
        return log;
    }

    /** What the server printed since this start. */
    String log() throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logStart, all.length);
        return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Graceful stop (SIGTERM), as Ctrl-C would. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    static Map<String, String> config(Path dataDir, Path modelsDir, Database db) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ticketrouter.data.dir", dataDir.toAbsolutePath().toString());
        p.put("ticketrouter.models.dir", modelsDir.toAbsolutePath().toString());
        p.putAll(db.serverProperties(dataDir));
        return p;
    }
}

package io.ticketrouter.it;

import io.ticketrouter.launcher.PayaraLauncher;
import io.ticketrouter.launcher.PayaraProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real WAR on a real Payara Micro, started as a separate process by the launcher {@code ./ticket-router serve}
 * uses ({@link PayaraLauncher}): a random free port, {@code --nocluster} (other engineers' servers on this machine
 * must not join), temp files under {@code target/}. Needed for what an in-process container cannot show: a restart on
 * the same data and port, a kill -9, a server without a model, a browser that sees the server go away.
 *
 * <p>A cluster member ({@link #start(String, Map, List, Map)} with {@link #clusterArguments}) gets the same Payara
 * options as {@code ./ticket-router serve --cluster} instead of {@code --nocluster}: TCP/IP discovery on 127.0.0.1 only
 * and a cluster name of the test's own, so no other cluster on this machine ever joins it.
 */
public final class TestServer implements AutoCloseable {

    static final Path HOME =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path PAYARA = Path.of(System.getProperty("it.payaraJar", "target/payara-micro.jar"));
    static final Path WAR = Path.of(System.getProperty("it.war", "target/ticket-router.war"));
    static final Path MODEL = Path.of(System.getProperty("it.model", "target/test-model"));
    static final Path WORK = Path.of(System.getProperty("it.work", "target/it"));
    /** How long a start may take before it counts as failed (a liveness bound; raise it on a saturated machine). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("it.server.startSeconds", 180));

    private final String name;
    private final Path dataDir;
    private final PayaraLauncher launcher;
    private final Path log;
    private PayaraProcess process;
    private PayaraProcess.Startup startup;

    private TestServer(
            String name, Map<String, String> properties, List<String> clusterArgs, Map<String, String> environment) {
        this.name = name;
        String data = properties.get("ticketrouter.data.dir");
        this.dataDir = data == null ? null : Path.of(data);
        this.log = WORK.resolve(name + ".log");
        this.launcher = PayaraLauncher.of(PAYARA, WAR, HOME)
                .javaOptions("-Xmx768m")
                .tmpDir(WORK.resolve("tmp"))
                .properties(properties)
                .cluster(clusterArgs)
                .environment(
                        "WEKA_HOME", WORK.resolve("wekafiles").toAbsolutePath().toString())
                .environment(environment);
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
    static TestServer start(
            String name, Map<String, String> properties, List<String> clusterArgs, Map<String, String> environment)
            throws Exception {
        Map<String, String> all = Credentials.serverDefaults();
        all.putAll(properties);
        all.values().removeIf(java.util.Objects::isNull);
        TestServer server = new TestServer(name, all, clusterArgs, environment);
        server.launch();
        return server;
    }

    /**
     * A server with the test model and a fresh embedded database of its own, ready to classify (the browser tests'
     * server, which they stop and {@link #restart()} on the same port and data).
     */
    public static TestServer startWithModel(String name) throws Exception {
        return startWithModel(name, Map.of());
    }

    /** The same, with more configuration (keys and values as {@link #start(String, Map)} takes them). */
    public static TestServer startWithModel(String name, Map<String, String> more) throws Exception {
        Path data = WORK.resolve(name + "-data-" + System.currentTimeMillis());
        Map<String, String> config = new LinkedHashMap<>(more);
        config.put("ticketrouter.data.dir", data.toAbsolutePath().toString());
        config.put("ticketrouter.models.dir", MODEL.toAbsolutePath().toString());
        TestServer server = start(name, config);
        if (!server.startup.modelReady()) {
            server.close();
            throw new IllegalStateException("the server has no usable model; GET /api says " + server.startup.api());
        }
        return server;
    }

    /**
     * The Payara options of a cluster member, exactly as {@code ./ticket-router serve --cluster} builds them: data grid
     * on 127.0.0.1 at {@code dataGridPort}, members found by TCP/IP at the given loopback ports.
     */
    static List<String> clusterArguments(
            String clusterName, String instanceName, int dataGridPort, List<Integer> memberPorts) {
        return PayaraLauncher.clusterArguments(
                clusterName,
                instanceName,
                "127.0.0.1",
                dataGridPort,
                memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    }

    /** Starts on a free port, trying another port when Payara lost the one picked to another process. */
    private void launch() throws Exception {
        Files.createDirectories(WORK);
        for (int attempt = 1; ; attempt++) {
            launcher.port(Ports.pick());
            launchOn();
            if (startup.up()) {
                return;
            }
            kill();
            if (startup.state() != PayaraProcess.State.FAILED || attempt == 3) {
                throw new IllegalStateException(
                        "server " + name + " " + startup.reason() + "; see " + log.toAbsolutePath());
            }
            // Payara itself gave up (another process took the port between the check and the bind) or lost its
            // listener: said here, and tried again on another port
            System.out.printf(
                    "[it] server %s failed to start on port %d: %s; starting again on another port%n",
                    name, launcher.port(), startup.reason());
        }
    }

    private void launchOn() throws IOException, InterruptedException {
        process = launcher.start(log, true);
        startup = process.awaitApplication(START_TIMEOUT);
        if (startup.up()) {
            System.out.printf(
                    "[it] server %s up on port %d in %d ms%n",
                    name, launcher.port(), startup.took().toMillis());
        } else if (startup.state() == PayaraProcess.State.TIMED_OUT) {
            System.out.printf(
                    "[it] server %s %s; what it logged:%n%s%n[it] its threads:%n%s%n",
                    name, startup.reason(), ThreadDump.problems(log()), ThreadDump.of(process.pid()));
        }
    }

    /**
     * Starts the stopped server again on the same port, data and configuration (a no-op while it runs), and waits
     * until the application answers.
     */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            launchOn();
            if (!startup.up()) {
                kill();
                throw new IllegalStateException(
                        "server " + name + " " + startup.reason() + " after a restart; see " + log.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + launcher.port() + path);
    }

    /** {@code http://127.0.0.1:PORT/}. */
    /** The test model's bundle directory. */
    public static Path model() {
        return MODEL.toAbsolutePath();
    }

    /** The server's data directory (its embedded database, its similar-ticket index), or null when not set. */
    public Path dataDir() {
        return dataDir;
    }

    public URI base() {
        return url("/");
    }

    int port() {
        return launcher.port();
    }

    /** This server's log file (appended to across restarts under the same name). */
    Path logFile() {
        return log;
    }

    /** What the server printed since this start. */
    String log() {
        return process.log();
    }

    /** Graceful stop (SIGTERM), as Ctrl-C would; waits until the process is gone. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code kill -9}: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.kill();
        }
    }

    static Map<String, String> config(Path dataDir, Path modelsDir, Database db) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ticketrouter.data.dir", dataDir.toAbsolutePath().toString());
        p.put("ticketrouter.models.dir", modelsDir.toAbsolutePath().toString());
        p.putAll(db.serverProperties(dataDir));
        return p;
    }
}

package io.ticketrouter.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./ticket-router serve}: runs the WAR on Payara Micro as a child process, training a model from the sample
 * data first when there is none. Configuration reaches the server as system properties (MicroProfile Config keys),
 * so the same keys work for a WAR deployed on an existing server. Ctrl-C stops the server cleanly.
 *
 * <p>With {@code --cluster} the server joins a Payara Micro cluster (Hazelcast data grid, TCP/IP member discovery on
 * the listed addresses, no multicast) so that dashboards on every member see every member's changes; the members must
 * share a PostgreSQL database and the models directory. Without it the server runs alone ({@code --nocluster}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start Ticket Router (portal, agent dashboard, REST API) on Payara Micro.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir",
            description = "Where the embedded database and logs live; survives restarts (default: var/ in the repository).")
    Path dataDir;

    @Option(names = "--models",
            description = "Model bundle directory; trained from data/sample/ when empty (default: models/ in the repository).")
    Path models;

    @Option(names = "--plugins",
            description = "Directory of routing-plugin jars (default: plugins/ in the data directory).")
    Path plugins;

    @Option(names = "--timeout", defaultValue = "180",
            description = "Seconds to wait for the server to become ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--java-opts", defaultValue = "-Xms256m -Xmx1g -XX:+UseParallelGC",
            description = "JVM options of the server process (default: ${DEFAULT-VALUE}).")
    String javaOpts;

    @Option(names = "--cluster",
            description = "Join a cluster of Ticket Router members (needs a shared PostgreSQL database: "
                    + "TICKETROUTER_DB_URL=jdbc:postgresql://...).")
    boolean cluster;

    @Option(names = "--cluster-members", defaultValue = DEFAULT_MEMBERS, paramLabel = "HOST:PORT[-PORT],...",
            description = "Data-grid addresses of the members (TCP/IP discovery, no multicast); a port range "
                    + "stands for every port in it (default: ${DEFAULT-VALUE}).")
    String clusterMembers;

    @Option(names = "--cluster-port",
            description = "This member's data-grid port (default: the first free port of --cluster-members on this "
                    + "machine).")
    Integer clusterPort;

    @Option(names = "--cluster-name", defaultValue = "ticket-router",
            description = "Cluster name: only members with the same name join (default: ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--cluster-interface", defaultValue = "127.0.0.1",
            description = "Network interface of the data grid (default: ${DEFAULT-VALUE}, this machine only).")
    String clusterInterface;

    @Option(names = "--instance-name",
            description = "This member's name in the cluster and on dashboards (default: member-<port>).")
    String instanceName;

    /**
     * Not Payara's own data-grid ports (6900 and up): every Payara Micro on the machine, even one started with
     * {@code --nocluster}, binds one of those, and a member pushed past the listed ports would never find the others.
     */
    static final String DEFAULT_MEMBERS = "127.0.0.1:6700-6703";
    private static final String POSTGRESQL_DATA_SOURCE = "org.postgresql.ds.PGSimpleDataSource";

    /** The repository: target/classes/../.. of this class, or -Dticketrouter.home. */
    private final Path home = findHome();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path war = home.resolve("target/ticket-router.war");
        Path payara = home.resolve("target/payara-micro.jar");
        String member = instanceName != null ? instanceName : "member-" + port;
        List<String> clusterArgs = List.of("--nocluster");
        if (cluster) {
            String url = ExportCommand.setting("ticketrouter.db.url", null);
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                return fail("--cluster needs a shared PostgreSQL database (set TICKETROUTER_DB_URL=jdbc:postgresql://..."
                        + "): members cannot share the embedded H2 file");
            }
            try {
                List<String> members = expandMembers(clusterMembers);
                if (clusterPort == null) {
                    clusterPort = firstFreeLocalPort(members);
                    if (clusterPort == null) {
                        return fail("no free data-grid port among --cluster-members " + clusterMembers
                                + " on this machine; add one or choose --cluster-port N");
                    }
                } else if (!portFree(clusterPort)) {
                    return fail("data-grid port " + clusterPort + " is already in use; choose another with "
                            + "--cluster-port N (and list it in --cluster-members)");
                }
                clusterArgs = clusterArguments(clusterName, member, clusterInterface, clusterPort, members);
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
        // given paths are relative to the caller's directory (like the other subcommands), defaults to the repository;
        // a cluster member keeps its logs and temporary files apart from the other members on the same machine
        Path data = dataDir != null ? dataDir.toAbsolutePath().normalize()
                : cluster ? home.resolve("var/cluster").resolve(member) : home.resolve("var");
        Path modelDir = models == null ? home.resolve("models") : models.toAbsolutePath().normalize();
        Path pluginDir = plugins == null ? data.resolve("plugins") : plugins.toAbsolutePath().normalize();

        if (!Files.isRegularFile(war) || !Files.isRegularFile(payara)) {
            say("The WAR or the Payara Micro runtime is missing under target/: building them first "
                    + "(mvn -B -q package -DskipTests, a few minutes on the first run).");
            int rc = run(List.of("mvn", "-B", "-q", "package", "-DskipTests"));
            if (rc != 0 || !Files.isRegularFile(war)) {
                return fail("the build failed (exit " + rc + "); run mvn -B package to see why");
            }
        }
        if (!hasBundle(modelDir)) {
            Path sample = home.resolve("data/sample/tickets.csv");
            if (!Files.isRegularFile(sample)) {
                return fail("no model bundle in " + modelDir + " and no sample data at " + sample
                        + " to train one; train with ./ticket-router train --data FILE --out " + modelDir);
            }
            say("No model bundle in " + modelDir + ": training one from "
                    + sample + " first (the server needs a model to classify tickets).");
            int rc = run(trainCommand(sample, modelDir));
            if (rc != 0 || !hasBundle(modelDir)) {
                return fail("training the model failed (exit " + rc + ")");
            }
        }
        if (!portFree(port)) {
            return fail("port " + port + " is already in use; stop what uses it or choose another with --port N");
        }
        Files.createDirectories(data.resolve("logs"));
        Files.createDirectories(pluginDir);
        Path log = data.resolve("logs/server.log");

        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        for (String opt : javaOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                cmd.add(opt);
            }
        }
        cmd.add("-Dticketrouter.data.dir=" + data);
        cmd.add("-Dticketrouter.models.dir=" + modelDir);
        cmd.add("-Dticketrouter.plugins.dir=" + pluginDir);
        if (System.getenv("TICKETROUTER_DB_URL") == null && System.getProperty("ticketrouter.db.url") == null) {
            cmd.add("-Dticketrouter.db.url=" + ExportCommand.h2Url(data));
        }
        // database settings given to this command as system properties reach the server too (environment variables
        // are inherited anyway); a PostgreSQL URL without a data-source class gets PostgreSQL's
        for (String key : List.of("ticketrouter.db.url", "ticketrouter.db.class", "ticketrouter.db.user",
                "ticketrouter.db.password")) {
            if (System.getProperty(key) != null) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        String dbUrl = ExportCommand.setting("ticketrouter.db.url", "");
        if (dbUrl.startsWith("jdbc:postgresql:") && ExportCommand.setting("ticketrouter.db.class", null) == null) {
            cmd.add("-Dticketrouter.db.class=" + POSTGRESQL_DATA_SOURCE);
        }
        if (cluster) {
            cmd.add("-Dticketrouter.cluster.member=" + member);
        }
        cmd.add("-Djava.io.tmpdir=" + Files.createDirectories(data.resolve("tmp")));
        cmd.addAll(List.of("-jar", payara.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port)));
        cmd.addAll(clusterArgs);
        cmd.addAll(List.of("--prebootcommandfile", writePreBootCommands(data).toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putIfAbsent("WEKA_HOME", data.resolve("wekafiles").toString());

        long start = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        if (cluster) {
            say("Joining cluster \"" + clusterName + "\" as " + member + " (data grid on " + clusterInterface + ":"
                    + clusterPort + ", members " + clusterMembers + ")");
        }
        say("Starting Payara Micro on port " + port + " (log: " + log + ") ...");
        Process server = pb.start();
        Thread hook = new Thread(() -> stop(server), "ticket-router-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        String state = awaitReady(server, start, log);
        if (state == null || state.startsWith(FAILED)) {
            String tail = tail(log, 30);
            stop(server);
            if (state == null) {
                return fail("the server did not become ready within " + timeoutSeconds + " s. Last log lines:\n"
                        + tail);
            }
            String reason = state.substring(FAILED.length());
            return fail(reason.contains("BindException")
                    ? "port " + port + " was taken by another process while Payara Micro started (" + reason
                            + "); choose another with --port N"
                    : "Payara Micro failed to start (" + reason + "). Last log lines:\n" + tail);
        }
        String base = "http://localhost:" + port;
        say(state);
        System.out.println();
        System.out.println("  Customer portal   " + base + "/");
        System.out.println("  Agent dashboard   " + base + "/agent   (sign in: " + base + "/login.html)");
        System.out.println("  API docs          " + base + "/docs/");
        System.out.println("  API               " + base + "/api   (health: " + base + "/health)");
        System.out.println();
        Path passwordFile = data.resolve("admin-password.txt");
        if (Files.isRegularFile(passwordFile)
                && Files.getLastModifiedTime(passwordFile).toMillis() >= startedAt - 1_000) {
            say("First start: user 'admin' was created with the password " + Files.readString(passwordFile).trim()
                    + " (also in " + passwordFile + ", readable only by you). Change it with "
                    + "./ticket-router users passwd admin; add agents with ./ticket-router users add NAME.");
        } else if (System.getenv("TICKET_ROUTER_ADMIN_PASSWORD") == null && Files.isRegularFile(passwordFile)) {
            say("The first admin password is in " + passwordFile + " until you change it.");
        }
        say("Press Ctrl-C to stop.");
        int rc = server.waitFor();
        return rc == 0 || rc == 143 || rc == 130 ? 0 : rc;
    }

    /**
     * Payara Micro options of a cluster member: TCP/IP discovery of the given data-grid addresses (never multicast),
     * the cluster name (members of other clusters on the same machine never join), the data-grid port and interface,
     * and the instance name. Shared with the integration tests.
     */
    public static List<String> clusterArguments(String clusterName, String instanceName, String networkInterface,
                                                int dataGridPort, List<String> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("--cluster-members lists no member");
        }
        return List.of("--clustermode", "tcpip:" + String.join(",", members), "--clustername", clusterName,
                "--startport", Integer.toString(dataGridPort), "--interfaces", networkInterface,
                "--name", instanceName);
    }

    /** The first listed member address on this machine whose port is free, or null. */
    static Integer firstFreeLocalPort(List<String> members) {
        for (String m : members) {
            String host = m.substring(0, m.lastIndexOf(':'));
            int p = Integer.parseInt(m.substring(m.lastIndexOf(':') + 1));
            if ((host.equals("127.0.0.1") || host.equals("localhost")) && portFree(p)) {
                return p;
            }
        }
        return null;
    }

    /** {@code 127.0.0.1:6900-6902,10.0.0.5:6900} → one {@code host:port} per port. */
    static List<String> expandMembers(String spec) {
        List<String> out = new ArrayList<>();
        for (String item : spec.split(",")) {
            String m = item.trim();
            if (m.isEmpty()) {
                continue;
            }
            int colon = m.lastIndexOf(':');
            if (colon <= 0 || colon == m.length() - 1) {
                throw new IllegalArgumentException("--cluster-members: \"" + m + "\" is not HOST:PORT or HOST:PORT-PORT");
            }
            String host = m.substring(0, colon);
            String ports = m.substring(colon + 1);
            int dash = ports.indexOf('-');
            try {
                int first = Integer.parseInt(dash < 0 ? ports : ports.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(ports.substring(dash + 1));
                if (first < 1 || last > 65535 || last < first || last - first > 100) {
                    throw new IllegalArgumentException("--cluster-members: bad port range in \"" + m
                            + "\" (1-65535, at most 100 ports)");
                }
                for (int p = first; p <= last; p++) {
                    out.add(host + ":" + p);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--cluster-members: \"" + m + "\" is not HOST:PORT or HOST:PORT-PORT");
            }
        }
        return out;
    }

    /**
     * Server settings applied before the server boots. Library jars (Weka, OpenNLP, ...) are not CDI bean archives:
     * not scanning them implicitly saves seconds of start-up; the WAR's own classes are an explicit archive
     * (WEB-INF/beans.xml).
     *
     * <p>Pre-boot, not post-boot: set on a running server, the HTTP protocol settings make Payara Micro restart its
     * HTTP listener on a configuration thread while the deployment goes on. Now and then (seen in the test suite on
     * a busy machine) the web container then finds no listener ("Error adding HttpProbes.
     * NetworkListener http-listeners GrizzlyProxy is NULL") and the server logs "ready" but never accepts a
     * connection.
     */
    public static Path writePreBootCommands(Path data) throws IOException {
        Path file = data.resolve("tmp/preboot.asadmin");
        // no "Server: Payara Micro" or X-Powered-By header: answers do not advertise the server and its version
        String http = "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.";
        // written aside and moved into place, so a server starting at the same moment (a second cluster member)
        // never reads a half-written file
        Path part = Files.createTempFile(file.getParent(), "preboot", ".part");
        // no HTTP/2 (h2c upgrade): it is neither offered nor tested; a client that stops sending in the middle of a
        // request is given up after 10 s (the body then answers 408); the unread rest of a refused body is read and
        // dropped up to 64 KB (so the connection can serve the next request); beyond that it is closed
        Files.writeString(part, "set configs.config.server-config.cdi-service.enable-implicit-cdi=false\n"
                + http + "server-header=false\n" + http + "xpowered-by=false\n" + http + "http2-enabled=false\n"
                + http + "max-swallowing-input-bytes=65536\n"
                + "set configs.config.server-config.network-config.transports.transport.tcp.read-timeout-millis=10000\n");
        Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** What {@link #awaitReady} answers, followed by the reason, when Payara gave up starting. */
    private static final String FAILED = "failed: ";

    /** What Payara logs when its web container finds no HTTP listener: it then says "ready" but never answers. */
    static final String NO_LISTENER = "GrizzlyProxy is NULL";

    /**
     * Why Payara gave up starting, or started without its HTTP listener, from what it printed, or null: after a startup exception (a port already bound,
     * for one) it logs "Failed to start, exiting" but may keep its JVM alive without an HTTP listener.
     */
    public static String startFailure(String log) {
        if (log.contains(NO_LISTENER)) {
            return "Payara Micro started without its HTTP listener (\"" + NO_LISTENER + "\")";
        }
        if (!log.contains("Failed to start, exiting")
                && !log.contains("Shutting down server due to startup exception")) {
            return null;
        }
        int bind = log.indexOf("java.net.BindException");
        if (bind >= 0) {
            int eol = log.indexOf('\n', bind);
            return log.substring(bind, eol < 0 ? log.length() : eol).trim();
        }
        return "Payara logged \"Failed to start, exiting\"";
    }

    /**
     * Waits until the model is loaded (ready) or the app is up without one (still useful, but says why); null when
     * the server exited or did not answer in time, {@link #FAILED} and the reason when Payara gave up starting.
     */
    private String awaitReady(Process server, long start, Path log) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                return null;
            }
            String failure = startFailure(readLog(log));
            if (failure != null) {
                return FAILED + failure;
            }
            try {
                HttpResponse<String> api = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (api.statusCode() == 200 && api.body().contains("Ticket Router")) {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (api.body().contains("\"model_ready\":true")) {
                        return String.format("Ticket Router is ready (model loaded) after %.1f s.", ms / 1000.0);
                    }
                    return String.format("Ticket Router is up after %.1f s but NOT READY: no model is loaded "
                            + "(see /health/ready for the reason); the API answers 503 until one is.", ms / 1000.0);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return null;
    }

    private List<String> trainCommand(Path sample, Path out) {
        String cp = home.resolve("target/classes") + java.io.File.pathSeparator + home.resolve("target/cli-lib/*");
        return List.of(javaBinary(), "-cp", cp, "io.ticketrouter.cli.TicketRouterCommand", "train",
                "--data", sample.toString(), "--out", out.toString());
    }

    /** A bundle directory holds more than the README that ships in models/. */
    static boolean hasBundle(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> !p.getFileName().toString().equalsIgnoreCase("README.md")
                    && !p.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Process server) {
        if (server.isAlive()) {
            System.out.println("Stopping Ticket Router ...");
            server.destroy();
            try {
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).inheritIO();
        pb.environment().putIfAbsent("WEKA_HOME", home.resolve("target/wekafiles").toString());
        return pb.start().waitFor();
    }

    /** Whether a listener could bind this port on all addresses now (a port in TIME_WAIT counts as free). */
    public static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    static Path findHome() {
        String configured = System.getProperty("ticketrouter.home");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path classes = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (classes.endsWith(Path.of("target", "classes"))) {
                return classes.getParent().getParent();
            }
        } catch (Exception e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void say(String message) {
        System.out.println("ticket-router: " + message);
    }

    private static int fail(String message) {
        System.err.println("ticket-router serve: " + message);
        return 1;
    }
}

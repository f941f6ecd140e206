package io.ticketrouter.cli;

import io.ticketrouter.launcher.PayaraLauncher;
import io.ticketrouter.launcher.PayaraProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
@Command(name = "serve", description = "Start Ticket Router (portal, agent dashboard, REST API) on Payara Micro.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port.")
    int port;

    @Option(
            names = "--data-dir",
            description =
                    "Where the embedded database and logs live; survives restarts (default: var/ in the repository).")
    Path dataDir;

    @Option(
            names = "--models",
            description =
                    "Model bundle directory; trained from data/sample/ when empty (default: models/ in the repository).")
    Path models;

    @Option(
            names = "--plugins",
            description = "Directory of routing-plugin jars (default: plugins/ in the data directory).")
    Path plugins;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the server to become ready.")
    int timeoutSeconds;

    @Option(
            names = "--java-opts",
            defaultValue = "-Xms256m -Xmx1g -XX:+UseParallelGC",
            description = "JVM options of the server process.")
    String javaOpts;

    @Option(
            names = "--cluster",
            description = "Join a cluster of Ticket Router members (needs a shared PostgreSQL database: "
                    + "TICKETROUTER_DB_URL=jdbc:postgresql://...).")
    boolean cluster;

    @Option(
            names = "--cluster-members",
            defaultValue = DEFAULT_MEMBERS,
            paramLabel = "HOST:PORT[-PORT],...",
            description = "Data-grid addresses of the members (TCP/IP discovery, no multicast); a port range "
                    + "stands for every port in it.")
    String clusterMembers;

    @Option(
            names = "--cluster-port",
            description = "This member's data-grid port (default: the first free port of --cluster-members on this "
                    + "machine).")
    Integer clusterPort;

    @Option(
            names = "--cluster-name",
            defaultValue = "ticket-router",
            description = "Cluster name: only members with the same name join.")
    String clusterName;

    @Option(
            names = "--cluster-interface",
            defaultValue = "127.0.0.1",
            description = "Network interface of the data grid; the default keeps the cluster on this machine.")
    String clusterInterface;

    @Option(
            names = "--instance-name",
            description = "This member's name in the cluster and on dashboards (default: member-<port>).")
    String instanceName;

    /**
     * Not Payara's own data-grid ports (6900 and up): every Payara Micro on the machine, even one started with
     * {@code --nocluster}, binds one of those, and a member pushed past the listed ports would never find the others.
     */
    static final String DEFAULT_MEMBERS = "127.0.0.1:6700-6703";

    private static final String POSTGRESQL_DATA_SOURCE = "org.postgresql.ds.PGSimpleDataSource";
    /** Database settings given to this command as system properties reach the server too. */
    private static final List<String> DATABASE_KEYS =
            List.of("ticketrouter.db.url", "ticketrouter.db.class", "ticketrouter.db.user", "ticketrouter.db.password");

    private final Path home = Installation.home();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            return serve();
        } catch (ServeFailure e) {
            System.err.println("ticket-router serve: " + e.getMessage());
            return 1;
        }
    }

    private int serve() throws Exception {
        String member = instanceName != null ? instanceName : "member-" + port;
        PayaraLauncher launcher = PayaraLauncher.forBuild(home).port(port);
        if (cluster) {
            launcher.cluster(clusterArguments(member));
        }
        // given paths are relative to the caller's directory (like the other subcommands), defaults to the repository;
        // a cluster member keeps its logs and temporary files apart from the other members on the same machine
        Path data = dataDir != null
                ? dataDir.toAbsolutePath().normalize()
                : cluster ? home.resolve("var/cluster").resolve(member) : home.resolve("var");
        Path modelDir = models == null
                ? home.resolve("models")
                : models.toAbsolutePath().normalize();
        Path pluginDir = plugins == null
                ? data.resolve("plugins")
                : plugins.toAbsolutePath().normalize();

        buildWhenMissing(launcher);
        trainWhenMissing(modelDir);
        if (!PayaraLauncher.portFree(port)) {
            throw new ServeFailure(
                    "port " + port + " is already in use; stop what uses it or choose another with " + "--port N");
        }
        Files.createDirectories(data.resolve("logs"));
        Files.createDirectories(pluginDir);
        configure(launcher, data, modelDir, pluginDir, member);

        long startedAt = System.currentTimeMillis();
        if (cluster) {
            say("Joining cluster \"" + clusterName + "\" as " + member + " (data grid on " + clusterInterface + ":"
                    + clusterPort + ", members " + clusterMembers + ")");
        }
        Path log = data.resolve("logs/server.log");
        say("Starting Payara Micro on port " + port + " (log: " + log + ") ...");
        PayaraProcess server = launcher.start(log, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "ticket-router-stop"));

        PayaraProcess.Startup startup = server.awaitApplication(Duration.ofSeconds(timeoutSeconds));
        if (!startup.up()) {
            String tail = server.tail(30);
            stop(server);
            throw new ServeFailure(
                    switch (startup.state()) {
                        case FAILED ->
                            startup.reason().contains("BindException")
                                    ? "port " + port + " was taken by another process while Payara Micro started ("
                                            + startup.reason() + "); choose another with --port N"
                                    : "Payara Micro failed to start (" + startup.reason() + "). Last log lines:\n"
                                            + tail;
                        case EXITED -> "Payara Micro " + startup.reason() + ". Last log lines:\n" + tail;
                        default ->
                            "the server did not become ready within " + timeoutSeconds + " s. Last log lines:\n" + tail;
                    });
        }
        say(String.format(
                Locale.ROOT,
                startup.modelReady()
                        ? "Ticket Router is ready (model loaded) after %.1f s."
                        : "Ticket Router is up after %.1f s but NOT READY: no model is loaded (see /health/ready for the "
                                + "reason); the API answers 503 until one is.",
                startup.took().toMillis() / 1000.0));
        welcome(data, startedAt);
        int rc = server.waitFor();
        return rc == 0 || rc == 143 || rc == 130 ? 0 : rc;
    }

    /** Payara's options for this member of a cluster on a shared PostgreSQL database. */
    private List<String> clusterArguments(String member) throws ServeFailure {
        String url = Installation.configuredDatabaseUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new ServeFailure("--cluster needs a shared PostgreSQL database (set "
                    + "TICKETROUTER_DB_URL=jdbc:postgresql://...): members cannot share the embedded H2 file");
        }
        try {
            List<String> members = ClusterMembers.expand(clusterMembers);
            if (clusterPort == null) {
                clusterPort = ClusterMembers.firstFreeLocalPort(members);
                if (clusterPort == null) {
                    throw new ServeFailure("no free data-grid port among --cluster-members " + clusterMembers
                            + " on this machine; add one or choose --cluster-port N");
                }
            } else if (!PayaraLauncher.portFree(clusterPort)) {
                throw new ServeFailure("data-grid port " + clusterPort + " is already in use; choose another with "
                        + "--cluster-port N (and list it in --cluster-members)");
            }
            return PayaraLauncher.clusterArguments(clusterName, member, clusterInterface, clusterPort, members);
        } catch (IllegalArgumentException e) {
            throw new ServeFailure(e.getMessage());
        }
    }

    /** The server's configuration: directories, the database, the JVM options and the cluster member name. */
    private void configure(PayaraLauncher launcher, Path data, Path modelDir, Path pluginDir, String member) {
        launcher.javaOptions(javaOpts)
                .tmpDir(data.resolve("tmp"))
                .property("ticketrouter.data.dir", data.toString())
                .property("ticketrouter.models.dir", modelDir.toString())
                .property("ticketrouter.plugins.dir", pluginDir.toString());
        if (System.getenv("TICKETROUTER_DB_URL") == null && System.getProperty("ticketrouter.db.url") == null) {
            launcher.property("ticketrouter.db.url", Installation.h2Url(data));
        }
        // environment variables are inherited anyway; a PostgreSQL URL without a data-source class gets PostgreSQL's
        DATABASE_KEYS.forEach(key -> launcher.property(key, System.getProperty(key)));
        if (Installation.setting("ticketrouter.db.url", "").startsWith("jdbc:postgresql:")
                && Installation.setting("ticketrouter.db.class", null) == null) {
            launcher.property("ticketrouter.db.class", POSTGRESQL_DATA_SOURCE);
        }
        if (cluster) {
            launcher.property("ticketrouter.cluster.member", member);
        }
        if (System.getenv("WEKA_HOME") == null) {
            launcher.environment("WEKA_HOME", data.resolve("wekafiles").toString());
        }
    }

    private void buildWhenMissing(PayaraLauncher launcher) throws Exception {
        if (Files.isRegularFile(launcher.war()) && Files.isRegularFile(launcher.microJar())) {
            return;
        }
        say("The WAR or the Payara Micro runtime is missing under target/: building them first "
                + "(mvn -B -q package -DskipTests, a few minutes on the first run).");
        int rc = run(List.of("mvn", "-B", "-q", "package", "-DskipTests"));
        if (rc != 0 || !Files.isRegularFile(launcher.war())) {
            throw new ServeFailure("the build failed (exit " + rc + "); run mvn -B package to see why");
        }
    }

    private void trainWhenMissing(Path modelDir) throws Exception {
        if (hasBundle(modelDir)) {
            return;
        }
        Path sample = SampleData.file();
        if (!Files.isRegularFile(sample)) {
            throw new ServeFailure("no model bundle in " + modelDir + " and no sample data at " + sample
                    + " to train one; train with ./ticket-router train --data FILE --out " + modelDir);
        }
        say("No model bundle in " + modelDir + ": training one from " + sample
                + " first (the server needs a model to classify tickets).");
        String cp = home.resolve("target/classes") + java.io.File.pathSeparator + home.resolve("target/cli-lib/*");
        int rc = run(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                cp,
                TicketRouterCommand.class.getName(),
                "train",
                "--data",
                sample.toString(),
                "--out",
                modelDir.toString(),
                "--demo"));
        if (rc != 0 || !hasBundle(modelDir)) {
            throw new ServeFailure("training the model failed (exit " + rc + ")");
        }
    }

    private void welcome(Path data, long startedAt) throws IOException {
        String base = "http://localhost:" + port;
        System.out.println();
        System.out.println("  Customer portal   " + base + "/");
        System.out.println("  Agent dashboard   " + base + "/agent   (sign in: " + base + "/login.html)");
        System.out.println("  API docs          " + base + "/docs/");
        System.out.println("  API               " + base + "/api   (health: " + base + "/health)");
        System.out.println();
        Path passwordFile = data.resolve("admin-password.txt");
        if (Files.isRegularFile(passwordFile)
                && Files.getLastModifiedTime(passwordFile).toMillis() >= startedAt - 1_000) {
            say("First start: user 'admin' was created with the password "
                    + Files.readString(passwordFile).trim()
                    + " (also in " + passwordFile + ", readable only by you). Change it with "
                    + "./ticket-router users passwd admin; add agents with ./ticket-router users add NAME.");
        } else if (System.getenv("TICKET_ROUTER_ADMIN_PASSWORD") == null && Files.isRegularFile(passwordFile)) {
            say("The first admin password is in " + passwordFile + " until you change it.");
        }
        say("Press Ctrl-C to stop.");
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

    private static void stop(PayaraProcess server) {
        if (server.isAlive()) {
            System.out.println("Stopping Ticket Router ...");
            server.stop(Duration.ofSeconds(30));
        }
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).inheritIO();
        pb.environment()
                .putIfAbsent("WEKA_HOME", home.resolve("target/wekafiles").toString());
        return pb.start().waitFor();
    }

    private static void say(String message) {
        System.out.println("ticket-router: " + message);
    }

    /** Why serve cannot go on, in one sentence for the user (followed by the server's last log lines, if any). */
    private static final class ServeFailure extends Exception {
        ServeFailure(String message) {
            super(message);
        }
    }
}

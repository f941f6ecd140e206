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

    /** The repository: target/classes/../.. of this class, or -Dticketrouter.home. */
    private final Path home = findHome();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path war = home.resolve("target/ticket-router.war");
        Path payara = home.resolve("target/payara-micro.jar");
        // given paths are relative to the caller's directory (like the other subcommands), defaults to the repository
        Path data = dataDir == null ? home.resolve("var") : dataDir.toAbsolutePath().normalize();
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
        cmd.add("-Djava.io.tmpdir=" + Files.createDirectories(data.resolve("tmp")));
        cmd.addAll(List.of("-jar", payara.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster",
                "--postbootcommandfile", writePostBootCommands(data).toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putIfAbsent("WEKA_HOME", data.resolve("wekafiles").toString());

        long start = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        say("Starting Payara Micro on port " + port + " (log: " + log + ") ...");
        Process server = pb.start();
        Thread hook = new Thread(() -> stop(server), "ticket-router-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        String state = awaitReady(server, start);
        if (state == null) {
            String tail = tail(log, 30);
            stop(server);
            return fail("the server did not become ready within " + timeoutSeconds + " s. Last log lines:\n" + tail);
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
     * Server settings applied before deployment. Library jars (Weka, OpenNLP, ...) are not CDI bean archives: not
     * scanning them implicitly saves seconds of start-up; the WAR's own classes are an explicit archive
     * (WEB-INF/beans.xml).
     */
    public static Path writePostBootCommands(Path data) throws IOException {
        Path file = data.resolve("tmp/postboot.asadmin");
        // no "Server: Payara Micro" or X-Powered-By header: answers do not advertise the server and its version
        String http = "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.";
        Files.writeString(file, "set configs.config.server-config.cdi-service.enable-implicit-cdi=false\n"
                + http + "server-header=false\n" + http + "xpowered-by=false\n");
        return file;
    }

    /** Waits until the model is loaded (ready) or the app is up without one (still useful, but says why). */
    private String awaitReady(Process server, long start) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                return null;
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

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
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

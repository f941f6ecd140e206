package io.ticketrouter.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Payara Micro command line of Ticket Router. Everything a started server needs is given here and nowhere else:
 *
 * <ul>
 *   <li>the JVM options and {@code -Djava.io.tmpdir} (temporary files of the server apart from other processes);</li>
 *   <li>configuration as system properties (MicroProfile Config keys, so the same keys work for the WAR on an
 *       existing server) and environment variables;</li>
 *   <li>{@code --deploy WAR --contextroot / --port N};</li>
 *   <li>{@code --nocluster}, or the options of {@link #clusterArguments};</li>
 *   <li>{@code --prebootcommandfile} with {@value #PRE_BOOT_FILE} of the repository, the file the container image
 *       uses too.</li>
 * </ul>
 */
public final class PayaraLauncher {

    /** The server settings applied before Payara boots, relative to the repository. */
    public static final String PRE_BOOT_FILE = "server-config/payara-micro-preboot.asadmin";

    private final Path microJar;
    private final Path war;
    private final Path preBootFile;
    private final List<String> javaOptions = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private List<String> clusterArguments = List.of("--nocluster");
    private int port = 8080;
    private Path tmpDir;

    private PayaraLauncher(Path microJar, Path war, Path preBootFile) {
        this.microJar = microJar.toAbsolutePath().normalize();
        this.war = war.toAbsolutePath().normalize();
        this.preBootFile = preBootFile.toAbsolutePath().normalize();
    }

    /** A launcher for the WAR and Payara Micro jar built under {@code home/target}, with the pre-boot file of home. */
    public static PayaraLauncher forBuild(Path home) {
        return new PayaraLauncher(
                home.resolve("target/payara-micro.jar"),
                home.resolve("target/ticket-router.war"),
                home.resolve(PRE_BOOT_FILE));
    }

    /** A launcher for the given Payara Micro jar and WAR, with the pre-boot file of home. */
    public static PayaraLauncher of(Path microJar, Path war, Path home) {
        return new PayaraLauncher(microJar, war, home.resolve(PRE_BOOT_FILE));
    }

    public Path microJar() {
        return microJar;
    }

    public Path war() {
        return war;
    }

    /** JVM options, split on white space. */
    public PayaraLauncher javaOptions(String options) {
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                javaOptions.add(option);
            }
        }
        return this;
    }

    /** A system property of the server (a MicroProfile Config key, for example); a null value removes the key. */
    public PayaraLauncher property(String key, String value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.put(key, value);
        }
        return this;
    }

    public PayaraLauncher properties(Map<String, String> values) {
        values.forEach(this::property);
        return this;
    }

    /** An environment variable of the server process, on top of this process's own. */
    public PayaraLauncher environment(String name, String value) {
        environment.put(name, Objects.requireNonNull(value, name));
        return this;
    }

    public PayaraLauncher environment(Map<String, String> values) {
        values.forEach(this::environment);
        return this;
    }

    public PayaraLauncher port(int httpPort) {
        this.port = httpPort;
        return this;
    }

    public int port() {
        return port;
    }

    /** Payara's cluster options: {@code --nocluster} (the default) or those of {@link #clusterArguments}. */
    public PayaraLauncher cluster(List<String> arguments) {
        this.clusterArguments = List.copyOf(arguments);
        return this;
    }

    /** The server's {@code java.io.tmpdir}, created when the server starts. */
    public PayaraLauncher tmpDir(Path dir) {
        this.tmpDir = dir.toAbsolutePath().normalize();
        return this;
    }

    /** The command line, from the {@code java} of this JVM. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions);
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        if (tmpDir != null) {
            cmd.add("-Djava.io.tmpdir=" + tmpDir);
        }
        cmd.addAll(List.of(
                "-jar",
                microJar.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port)));
        cmd.addAll(clusterArguments);
        cmd.addAll(List.of("--prebootcommandfile", preBootFile.toString()));
        return cmd;
    }

    /**
     * Starts the server with its output (standard output and error) written to {@code log}, appended to what an
     * earlier start wrote there when {@code append}.
     */
    public PayaraProcess start(Path log, boolean append) throws IOException {
        for (Path required : List.of(microJar, war, preBootFile)) {
            if (!Files.isRegularFile(required)) {
                throw new IOException(required + " is missing (the WAR and Payara Micro jar are made by mvn package)");
            }
        }
        if (tmpDir != null) {
            Files.createDirectories(tmpDir);
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        long logStart = append && Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder pb = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(
                        append
                                ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                : ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putAll(environment);
        return new PayaraProcess(pb.start(), port, log, logStart);
    }

    /**
     * Payara Micro options of a cluster member: TCP/IP discovery of the given data-grid addresses (never multicast),
     * the cluster name (members of other clusters on the same machine never join), the data-grid port and interface,
     * and the instance name.
     */
    public static List<String> clusterArguments(
            String clusterName, String instanceName, String networkInterface, int dataGridPort, List<String> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("--cluster-members lists no member");
        }
        return List.of(
                "--clustermode",
                "tcpip:" + String.join(",", members),
                "--clustername",
                clusterName,
                "--startport",
                Integer.toString(dataGridPort),
                "--interfaces",
                networkInterface,
                "--name",
                instanceName);
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
}

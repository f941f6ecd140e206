package io.ticketrouter.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Payara Micro command line of serve and the test servers, and what the launcher reads from Payara's log. */
class PayaraLauncherTest {

    private static final Path HOME =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    /**
     * Payara Micro that loses its HTTP port logs the startup exception and "Failed to start, exiting" but keeps its
     * JVM alive (seen with 6.2025.10), so serve and the test servers read the log instead of waiting for an exit.
     * The lines are those Payara printed when --port named a port another process had bound.
     */
    @Test
    void aPortLostToAnotherProcessIsReportedFromTheLog() {
        String starting = "[INFO] [NCLS-CORE-00087] Grizzly 4.0.2 started in: 243ms - bound to [http-listener:45002]\n";
        assertEquals(null, PayaraProcess.startFailure(starting));
        String failed = starting + "[SEVERE] [NCLS-CORE-00019] [[\n  Shutting down server due to startup exception\n"
                + "java.net.BindException: Address already in use\n"
                + "\tat java.base/sun.nio.ch.Net.bind0(Native Method)\n"
                + "[SEVERE] Failed to start, exiting\n";
        assertEquals("java.net.BindException: Address already in use", PayaraProcess.startFailure(failed));
        assertEquals(
                "Payara logged \"Failed to start, exiting\"",
                PayaraProcess.startFailure(starting + "[SEVERE] Failed to start, exiting\n"));
        // the listener lost to a post-boot reconfiguration (what made the crash test's restart wait 180 s)
        assertEquals(
                "Payara Micro started without its HTTP listener (\"GrizzlyProxy is NULL\")",
                PayaraProcess.startFailure(starting + "[SEVERE] [AS-WEB-GLUE-00167] Error adding HttpProbes. "
                        + "NetworkListener http-listeners GrizzlyProxy is NULL\n"));
        // a BindException that did not stop the start (a data-grid port Hazelcast then moved past) is no failure
        assertEquals(
                null,
                PayaraProcess.startFailure(starting + "java.net.BindException: Address already in use\n"
                        + "Payara Micro URLs: http://host:8080/\nPayara Micro 6.2025.10 #badassmicrofish (build 42) ready in "
                        + "11,234 (ms)\n"));
    }

    @Test
    void clusterArgumentsUseTcpIpDiscoveryOnly() {
        List<String> args = PayaraLauncher.clusterArguments(
                "prod", "member-8081", "127.0.0.1", 6901, List.of("127.0.0.1:6900", "127.0.0.1:6901"));
        assertEquals(
                List.of(
                        "--clustermode",
                        "tcpip:127.0.0.1:6900,127.0.0.1:6901",
                        "--clustername",
                        "prod",
                        "--startport",
                        "6901",
                        "--interfaces",
                        "127.0.0.1",
                        "--name",
                        "member-8081"),
                args);
        assertTrue(args.stream().noneMatch(a -> a.startsWith("multicast")));
    }

    @Test
    void commandLineCarriesConfigurationWarPortClusterAndPreBootSettings() {
        PayaraLauncher launcher = PayaraLauncher.forBuild(HOME)
                .javaOptions(" -Xmx1g  -XX:+UseParallelGC ")
                .property("ticketrouter.data.dir", "/srv/tr")
                .property("ticketrouter.db.url", null)
                .port(8123)
                .tmpDir(HOME.resolve("target/tmp"))
                .cluster(PayaraLauncher.clusterArguments("c", "m", "127.0.0.1", 6700, List.of("127.0.0.1:6700")));
        List<String> cmd = launcher.command();
        assertTrue(cmd.get(0).endsWith("java"), cmd.toString());
        assertEquals(
                List.of(
                        "-Xmx1g",
                        "-XX:+UseParallelGC",
                        "-Dticketrouter.data.dir=/srv/tr",
                        "-Djava.io.tmpdir=" + HOME.resolve("target/tmp")),
                cmd.subList(1, 5));
        assertEquals(
                List.of(
                        "-jar",
                        HOME.resolve("target/payara-micro.jar").toString(),
                        "--deploy",
                        HOME.resolve("target/ticket-router.war").toString(),
                        "--contextroot",
                        "/",
                        "--port",
                        "8123",
                        "--clustermode",
                        "tcpip:127.0.0.1:6700",
                        "--clustername",
                        "c",
                        "--startport",
                        "6700",
                        "--interfaces",
                        "127.0.0.1",
                        "--name",
                        "m",
                        "--prebootcommandfile",
                        HOME.resolve(PayaraLauncher.PRE_BOOT_FILE).toString()),
                cmd.subList(5, cmd.size()));
        assertEquals(1, Collections.frequency(cmd, "--prebootcommandfile"));
        assertTrue(PayaraLauncher.forBuild(HOME).command().contains("--nocluster"));
    }

    /**
     * One copy of the pre-boot settings: the launcher (serve, the test servers), the Arquillian container and the
     * container image all name the same file, and it holds the settings the protocol checks rely on.
     */
    @Test
    void everyWayOfStartingPayaraUsesTheOnePreBootFile() throws Exception {
        String dockerfile = Files.readString(HOME.resolve("Dockerfile"));
        String arquillian = Files.readString(HOME.resolve("src/test/resources/arquillian.xml"));
        assertTrue(
                dockerfile.contains(
                        "\"--prebootcommandfile\", \"/opt/ticket-router/" + PayaraLauncher.PRE_BOOT_FILE + "\""),
                "Dockerfile");
        assertTrue(
                arquillian.contains("--prebootcommandfile ${arq.target}/../" + PayaraLauncher.PRE_BOOT_FILE),
                "arquillian.xml");
        assertTrue(!arquillian.contains("postbootcommandfile"), "arquillian.xml");
        List<String> settings = Files.readAllLines(HOME.resolve(PayaraLauncher.PRE_BOOT_FILE)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        String http = "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.";
        for (String expected : List.of(
                "set configs.config.server-config.cdi-service.enable-implicit-cdi=false",
                http + "server-header=false",
                http + "xpowered-by=false",
                http + "http2-enabled=false",
                http + "max-swallowing-input-bytes=65536",
                "set configs.config.server-config.network-config.transports.transport.tcp.read-timeout-millis=10000")) {
            assertTrue(settings.contains(expected), expected + " in " + settings);
        }
        assertTrue(settings.stream().allMatch(l -> l.startsWith("set ")), settings.toString());
    }

    @Test
    void environmentAndPropertiesAreKeptInOrderAndNullRemovesAKey() {
        PayaraLauncher launcher = PayaraLauncher.forBuild(HOME)
                .properties(Map.of("a.b", "1"))
                .property("a.b", null)
                .property("c.d", "2");
        assertTrue(launcher.command().contains("-Dc.d=2"));
        assertTrue(launcher.command().stream().noneMatch(a -> a.startsWith("-Da.b")));
    }
}

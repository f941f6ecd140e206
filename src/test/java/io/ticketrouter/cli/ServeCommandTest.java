package io.ticketrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The cluster options of {@code serve}: member lists, the Payara options they become, the PostgreSQL requirement. */
class ServeCommandTest {

    @Test
    void memberListsExpandPortRanges() {
        assertEquals(List.of("127.0.0.1:6900", "127.0.0.1:6901", "127.0.0.1:6902", "db:7000"),
                ServeCommand.expandMembers("127.0.0.1:6900-6902, db:7000"));
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.expandMembers("127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.expandMembers("127.0.0.1:7000-6900"));
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.expandMembers("127.0.0.1:1-5000"));
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.expandMembers("127.0.0.1:x"));
    }

    /**
     * Payara Micro that loses its HTTP port logs the startup exception and "Failed to start, exiting" but keeps its
     * JVM alive (seen with 6.2025.10), so serve and the test servers read the log instead of waiting for an exit.
     * The lines are those Payara printed when --port named a port another process had bound.
     */
    @Test
    void aPortLostToAnotherProcessIsReportedFromTheLog() {
        String starting = "[INFO] [NCLS-CORE-00087] Grizzly 4.0.2 started in: 243ms - bound to [http-listener:45002]\n";
        assertEquals(null, ServeCommand.startFailure(starting));
        String failed = starting + "[SEVERE] [NCLS-CORE-00019] [[\n  Shutting down server due to startup exception\n"
                + "java.net.BindException: Address already in use\n"
                + "\tat java.base/sun.nio.ch.Net.bind0(Native Method)\n"
                + "[SEVERE] Failed to start, exiting\n";
        assertEquals("java.net.BindException: Address already in use", ServeCommand.startFailure(failed));
        assertEquals("Payara logged \"Failed to start, exiting\"",
                ServeCommand.startFailure(starting + "[SEVERE] Failed to start, exiting\n"));
        // the listener lost to a post-boot reconfiguration (what made the crash test's restart wait 180 s)
        assertEquals("Payara Micro started without its HTTP listener (\"GrizzlyProxy is NULL\")",
                ServeCommand.startFailure(starting + "[SEVERE] [AS-WEB-GLUE-00167] Error adding HttpProbes. "
                        + "NetworkListener http-listeners GrizzlyProxy is NULL\n"));
        // a BindException that did not stop the start (a data-grid port Hazelcast then moved past) is no failure
        assertEquals(null, ServeCommand.startFailure(starting + "java.net.BindException: Address already in use\n"
                + "Payara Micro URLs: http://host:8080/\nPayara Micro 6.2025.10 #badassmicrofish (build 42) ready in "
                + "11,234 (ms)\n"));
    }

    @Test
    void clusterArgumentsUseTcpIpDiscoveryOnly() {
        List<String> args = ServeCommand.clusterArguments("prod", "member-8081", "127.0.0.1", 6901,
                List.of("127.0.0.1:6900", "127.0.0.1:6901"));
        assertEquals(List.of("--clustermode", "tcpip:127.0.0.1:6900,127.0.0.1:6901", "--clustername", "prod",
                "--startport", "6901", "--interfaces", "127.0.0.1", "--name", "member-8081"), args);
        assertTrue(args.stream().noneMatch(a -> a.startsWith("multicast")));
    }

    /**
     * serve takes the database URL from {@code -Dticketrouter.db.url} or else {@code TICKETROUTER_DB_URL}, which a
     * developer may have pointed at their PostgreSQL. The test sets the property (it wins over the variable) to the
     * embedded H2 URL that serve uses by default, and to another database's, so the outcome never depends on the
     * environment.
     */
    @Test
    void clusterWithoutPostgreSqlIsRefusedInOneLine() {
        String previous = System.getProperty("ticketrouter.db.url");
        try {
            for (String url : List.of(ExportCommand.h2Url(Path.of("var", "data")), "jdbc:mysql://db:3306/tickets")) {
                System.setProperty("ticketrouter.db.url", url);
                PrintStream original = System.err;
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code;
                try {
                    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                    code = new CommandLine(new ServeCommand()).execute("--cluster", "--port", "0");
                } finally {
                    System.setErr(original);
                }
                String text = err.toString(StandardCharsets.UTF_8).strip();
                assertEquals(1, code, url);
                assertEquals(1, text.lines().count(), text);
                assertTrue(text.startsWith("ticket-router serve: --cluster needs a shared PostgreSQL database"), text);
            }
        } finally {
            if (previous == null) {
                System.clearProperty("ticketrouter.db.url");
            } else {
                System.setProperty("ticketrouter.db.url", previous);
            }
        }
    }

    /** The container image (Dockerfile) applies the same server settings as serve and the integration tests. */
    @Test
    void containerPreBootCommandsMatchServe(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        List<String> serve = Files.readAllLines(ServeCommand.writePreBootCommands(dir));
        List<String> container = Files.readAllLines(ServeCommand.findHome()
                        .resolve("server-config/payara-micro-preboot.asadmin")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(serve, container);
    }
}

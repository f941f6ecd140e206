package io.ticketrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The cluster options of {@code serve}: member lists and the PostgreSQL requirement. */
class ServeCommandTest {

    @Test
    void memberListsExpandPortRanges() {
        assertEquals(
                List.of("127.0.0.1:6900", "127.0.0.1:6901", "127.0.0.1:6902", "db:7000"),
                ClusterMembers.expand("127.0.0.1:6900-6902, db:7000"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMembers.expand("127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMembers.expand("127.0.0.1:7000-6900"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMembers.expand("127.0.0.1:1-5000"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMembers.expand("127.0.0.1:x"));
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
            for (String url : List.of(Installation.h2Url(Path.of("var", "data")), "jdbc:mysql://db:3306/tickets")) {
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
}

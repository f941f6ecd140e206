package io.ticketrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and one-line reasons on stderr. */
class TicketRouterCommandTest {

    private record Run(int code, String err) {}

    private static Run run(String... args) {
        CommandLine cl = TicketRouterCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        return new Run(code, err.toString());
    }

    @Test
    void badUsageExitsWithTwoAndOneLine() {
        Run r = run("train", "--out", "x");
        assertEquals(2, r.code());
        assertEquals(
                "ticket-router train: Missing required option: '--data=FILE' (see ticket-router train --help)",
                r.err().strip());
        assertEquals(2, run("frobnicate").code());
        Run invalid = run("train", "--data", "a.csv", "--out", "x", "--trees", "0");
        assertEquals(2, invalid.code());
        assertEquals(
                "ticket-router train: number of trees must be 1 to 2000, got 0 (see ticket-router train --help)",
                invalid.err().strip());
    }

    @Test
    void badDataExitsWithOneAndNamesFileAndProblem(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("tickets.csv");
        Files.writeString(csv, "subject,body,queue\nHi,Text,Billing\n");
        Run r = run("train", "--data", csv.toString(), "--out", dir.resolve("b").toString());
        assertEquals(1, r.code());
        assertEquals(
                "tickets.csv: missing column \"priority\" (found: subject, body, queue)",
                r.err().strip());
    }

    @Test
    void missingBundleExitsWithOne(@TempDir Path dir) {
        Run r = run("classify", "--model", dir.resolve("none").toString(), "some text");
        assertEquals(1, r.code());
        assertTrue(r.err().strip().startsWith("no model bundle at "), r.err());
        assertEquals(1, r.err().strip().lines().count());
    }
}

package io.ticketrouter.classification.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labelled tickets read from files: Ticket Router's own CSV, and helpdesk exports as they are (their own column names,
 * several body columns, CSV or JSON Lines).
 */
class TicketFilesTest {

    /** A Zendesk-like CSV export: subject, description, group, priority, requester language. */
    private static final TicketColumns ZENDESK =
            new TicketColumns("Subject", List.of("Description"), "Group", "Priority", "Requester language");

    /** A Jira-like JSON Lines export: the summary, description and last comment, component and priority. */
    private static final TicketColumns JIRA =
            new TicketColumns("Summary", List.of("Description", "Comment"), "Component", "Priority", "lang");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aCsvExportIsReadWithItsOwnColumnNames() throws Exception {
        Path file = write(
                "zendesk.csv",
                "Ticket ID,Subject,Description,Group,Priority,Requester language\n"
                        + "101,Invoice twice,My card was charged twice for one invoice.,Billing and Payments,High,EN\n"
                        + "102,,Der Drucker druckt nicht mehr.,IT Support,low,de\n");
        TicketDataset data = TicketFiles.read(file, ZENDESK);
        assertEquals(2, data.size());
        assertEquals(
                new TicketRecord(
                        "Invoice twice",
                        "My card was charged twice for one invoice.",
                        "Billing and Payments",
                        "high",
                        "en"),
                data.records().get(0));
        assertEquals("", data.records().get(1).subject());
        DataException e = assertThrows(
                DataException.class,
                () -> TicketFiles.read(
                        file, new TicketColumns("Subject", List.of("Description"), "Team", "Priority", "x")));
        assertEquals(
                "zendesk.csv: missing column \"Team\" (found: Ticket ID, Subject, Description, Group, Priority, "
                        + "Requester language)",
                e.getMessage());
    }

    @Test
    void aJsonLinesExportJoinsItsBodyColumnsAndSkipsWhatCannotBeUsed() throws Exception {
        Path file = write(
                "jira.jsonl",
                "{\"Key\": \"SUP-1\", \"Summary\": \"VPN drops\", \"Description\": \"The VPN disconnects hourly.\", "
                        + "\"Comment\": \"Still happening today.\", \"Component\": \"IT Support\", \"Priority\": \"Medium\"}\n"
                        + "\n"
                        + "{\"summary\": \"Refund\", \"description\": \"Please refund order 7.\", \"comment\": null, "
                        + "\"component\": \"Returns and Exchanges\", \"priority\": \"low\", \"lang\": \"en\"}\n"
                        + "{\"Summary\": \"No team\", \"Description\": \"Text\", \"Priority\": \"high\"}\n"
                        + "{\"Summary\": \"Odd\", \"Description\": \"Text\", \"Component\": \"IT Support\", "
                        + "\"Priority\": \"Blocker\"}\n");
        TicketDataset data = TicketFiles.read(file, JIRA);
        assertEquals(2, data.size());
        TicketRecord first = data.records().get(0);
        assertEquals("The VPN disconnects hourly.\n\nStill happening today.", first.body());
        assertEquals("medium", first.priority());
        assertNull(first.language());
        assertEquals("Please refund order 7.", data.records().get(1).body());
        assertEquals("en", data.records().get(1).language());
        assertEquals(Map.of("empty queue", 1, "unknown priority (not high, medium or low)", 1), data.skippedByReason());
        assertEquals(64, data.sources().get(0).sha256().length());
    }

    @Test
    void jsonLinesErrorsNameTheFileTheLineAndTheProblem() throws Exception {
        Path missing = write("a.jsonl", "{\"Summary\": \"x\", \"Description\": \"y\", \"Priority\": \"high\"}\n");
        assertEquals(
                "a.jsonl: line 1: missing key \"Comment\" (found: Summary, Description, Priority)",
                assertThrows(DataException.class, () -> TicketFiles.read(missing, JIRA))
                        .getMessage());
        Path broken = write(
                "b.jsonl",
                "{\"body\": \"fine text here\", \"queue\": \"IT Support\", \"priority\": \"low\"}\n{\"body\": \"cut\n");
        assertEquals(
                "b.jsonl: line 2: malformed JSON",
                assertThrows(DataException.class, () -> TicketFiles.read(broken, TicketColumns.DEFAULT))
                        .getMessage()
                        .replaceAll(" \\(.*", ""));
        Path array = write("c.ndjson", "[1, 2]\n");
        assertEquals(
                "c.ndjson: line 1: not a JSON object",
                assertThrows(DataException.class, () -> TicketFiles.read(array, TicketColumns.DEFAULT))
                        .getMessage());
        Path empty = write("d.jsonl", "\n\n");
        assertEquals(
                "d.jsonl: file is empty (expected one JSON object per line)",
                assertThrows(DataException.class, () -> TicketFiles.read(empty, TicketColumns.DEFAULT))
                        .getMessage());
    }

    @Test
    void columnNamesMustBeGiven() {
        assertEquals(
                "at least one body column is needed",
                assertThrows(IllegalArgumentException.class, () -> new TicketColumns("s", List.of(), "q", "p", "l"))
                        .getMessage());
        assertEquals(
                "a column name must not be empty",
                assertThrows(IllegalArgumentException.class, () -> new TicketColumns("s", List.of("b"), " ", "p", "l"))
                        .getMessage());
    }

    // ---------------------------------------------------------------- CSV with the default columns

    @Test
    void missingColumnIsNamedWithTheColumnsFound() throws Exception {
        Path file = write("tickets.csv", "subject,body,queue\nHi,Text,Billing\n");
        DataException e = assertThrows(DataException.class, () -> TicketCsvReader.read(file));
        assertEquals("tickets.csv: missing column \"priority\" (found: subject, body, queue)", e.getMessage());
    }

    @Test
    void emptyAndMissingFilesAreErrors() throws Exception {
        Path empty = write("empty.csv", "");
        assertEquals(
                "empty.csv: file is empty (expected a header with body, queue, priority)",
                assertThrows(DataException.class, () -> TicketCsvReader.read(empty))
                        .getMessage());
        Path missing = dir.resolve("nope.csv");
        assertEquals(
                missing + ": file not found",
                assertThrows(DataException.class, () -> TicketCsvReader.read(missing))
                        .getMessage());
        Path headerOnly = write("header.csv", "body,queue,priority\n");
        assertEquals(
                "header.csv: no data rows after the header",
                assertThrows(DataException.class, () -> TicketCsvReader.read(headerOnly))
                        .getMessage());
    }

    @Test
    void bomQuotedNewlinesCaseInsensitivePriorityAndOptionalColumns() throws Exception {
        Path file = write(
                "ok.csv",
                "\uFEFFbody,Queue,PRIORITY,extra\n"
                        + "\"Line one,\nline two \"\"quoted\"\"\",Billing,HIGH,x\n"
                        + "Second,IT Support,Low,y\n");
        TicketDataset data = TicketCsvReader.read(file);
        assertEquals(2, data.size());
        TicketRecord first = data.records().get(0);
        assertEquals("Line one,\nline two \"quoted\"", first.body());
        assertEquals("high", first.priority());
        assertEquals("", first.subject());
        assertNull(first.language());
        assertEquals("low", data.records().get(1).priority());
        assertEquals(64, data.sources().get(0).sha256().length());
    }

    @Test
    void unusableRowsAreCountedByReason() throws Exception {
        Path file = write(
                "mixed.csv",
                "subject,body,queue,priority,language\n"
                        + "a,,Billing,high,en\n"
                        + "b,text,,high,en\n"
                        + "c,text,Billing,urgent,en\n"
                        + "d,text,Billing,medium,DE\n");
        TicketDataset data = TicketCsvReader.read(file);
        assertEquals(1, data.size());
        assertEquals("de", data.records().get(0).language());
        assertEquals(3, data.skippedRows());
        assertEquals(
                Map.of("empty body", 1, "empty queue", 1, "unknown priority (not high, medium or low)", 1),
                data.skippedByReason());
    }

    @Test
    void invalidUtf8IsReported() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "body,queue,priority\nGr\u00f6\u00dfe,Billing,high\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(
                "latin1.csv: not valid UTF-8 text",
                assertThrows(DataException.class, () -> TicketCsvReader.read(file))
                        .getMessage());
    }
}

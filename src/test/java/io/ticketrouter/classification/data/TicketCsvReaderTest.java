package io.ticketrouter.classification.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketCsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

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

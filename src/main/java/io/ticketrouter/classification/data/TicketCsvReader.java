package io.ticketrouter.classification.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled tickets from a UTF-8 CSV file with a header row (commons-csv: quoted fields may
 * contain newlines; a byte-order mark is ignored). Required columns are {@code body}, {@code queue}
 * and {@code priority}, or the names {@link TicketColumns} gives; {@code subject} and {@code language} are
 * optional, other columns are ignored.
 *
 * <p>Why a class of its own: every error must name the file and the problem in one line (the CLI
 * prints it as is), and rows that cannot be used are counted by reason instead of vanishing.
 */
public final class TicketCsvReader {

    /** Priorities the models know, in the order used everywhere (labels, charts, confusion matrices). */
    public static final List<String> PRIORITIES = List.of("high", "medium", "low");

    private TicketCsvReader() {}

    /** Reads CSV or JSON Lines files with Ticket Router's own column names ({@link TicketFiles}). */
    public static TicketDataset read(List<Path> files) throws DataException {
        return TicketFiles.read(files, TicketColumns.DEFAULT);
    }

    /** Reads a CSV or JSON Lines file with Ticket Router's own column names ({@link TicketFiles}). */
    public static TicketDataset read(Path file) throws DataException {
        return TicketFiles.read(file, TicketColumns.DEFAULT);
    }

    /** Parses the text of one CSV file. */
    static TicketDataset parse(TicketFiles.Text file, TicketColumns columns) throws DataException {
        String name = file.name();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true)
                .get();
        TicketRows rows = new TicketRows();
        try (Reader reader = new java.io.StringReader(file.content());
                CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> header = new TreeMap<>();
            List<String> found = new ArrayList<>();
            for (String column : parser.getHeaderNames()) {
                found.add(column.strip());
                header.putIfAbsent(
                        TicketColumns.key(column), parser.getHeaderMap().get(column));
            }
            for (String required : columns.required()) {
                if (!header.containsKey(TicketColumns.key(required))) {
                    throw new DataException(
                            name + ": missing column \"" + required + "\" (found: " + String.join(", ", found) + ")");
                }
            }
            List<Integer> body = columns.body().stream()
                    .map(c -> header.get(TicketColumns.key(c)))
                    .toList();
            int queue = header.get(TicketColumns.key(columns.queue()));
            int priority = header.get(TicketColumns.key(columns.priority()));
            Integer subject = header.get(TicketColumns.key(columns.subject()));
            Integer language = header.get(TicketColumns.key(columns.language()));
            Integer answer = header.get(TicketColumns.key(columns.answer()));
            for (CSVRecord record : parser) {
                rows.add(
                        get(record, subject),
                        body.stream().map(i -> get(record, i)).toList(),
                        get(record, queue),
                        get(record, priority),
                        get(record, language),
                        get(record, answer));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new DataException(name + ": malformed CSV (" + oneLine(e.getMessage()) + ")", e);
        } catch (IllegalArgumentException e) {
            throw new DataException(name + ": malformed CSV header (" + oneLine(e.getMessage()) + ")", e);
        }
        return rows.dataset(name, file.sha256(), "no data rows after the header");
    }

    private static String get(CSVRecord record, Integer index) {
        return index != null && index < record.size() ? record.get(index).strip() : "";
    }

    private static String oneLine(String message) {
        return message == null
                ? "unknown error"
                : message.replaceAll("\\s+", " ").strip();
    }
}

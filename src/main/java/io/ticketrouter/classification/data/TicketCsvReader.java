package io.ticketrouter.classification.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled tickets from a UTF-8 CSV file with a header row (commons-csv: quoted fields may
 * contain newlines; a byte-order mark is ignored). Required columns are {@code body}, {@code queue}
 * and {@code priority}; {@code subject} and {@code language} are optional, other columns are ignored.
 *
 * <p>Why a class of its own: every error must name the file and the problem in one line (the CLI
 * prints it as is), and rows that cannot be used are counted by reason instead of vanishing.
 */
public final class TicketCsvReader {

    /** Priorities the models know, in the order used everywhere (labels, charts, confusion matrices). */
    public static final List<String> PRIORITIES = List.of("high", "medium", "low");

    private static final List<String> REQUIRED = List.of("body", "queue", "priority");
    private static final Set<String> PRIORITY_SET = Set.copyOf(PRIORITIES);

    private TicketCsvReader() {}

    public static TicketDataset read(List<Path> files) throws DataException {
        List<TicketDataset> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(read(file));
        }
        return TicketDataset.concat(parts);
    }

    public static TicketDataset read(Path file) throws DataException {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read file (" + e.getMessage() + ")", e);
        }
        if (bytes.length == 0) {
            throw new DataException(name + ": file is empty (expected a header with body, queue, priority)");
        }
        String sha256 = sha256(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataException(name + ": not valid UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new DataException(name + ": file is empty (expected a header with body, queue, priority)");
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<TicketRecord> rows = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> header = new TreeMap<>();
            List<String> found = new ArrayList<>();
            for (String column : parser.getHeaderNames()) {
                String key = column.strip().toLowerCase(Locale.ROOT);
                found.add(column.strip());
                header.putIfAbsent(key, parser.getHeaderMap().get(column));
            }
            for (String required : REQUIRED) {
                if (!header.containsKey(required)) {
                    throw new DataException(
                            name + ": missing column \"" + required + "\" (found: " + String.join(", ", found) + ")");
                }
            }
            int body = header.get("body");
            int queue = header.get("queue");
            int priority = header.get("priority");
            Integer subject = header.get("subject");
            Integer language = header.get("language");
            for (CSVRecord record : parser) {
                String b = get(record, body);
                String q = get(record, queue);
                String p = get(record, priority).toLowerCase(Locale.ROOT);
                String reason = null;
                if (b.isBlank()) {
                    reason = "empty body";
                } else if (q.isBlank()) {
                    reason = "empty queue";
                } else if (p.isBlank()) {
                    reason = "empty priority";
                } else if (!PRIORITY_SET.contains(p)) {
                    reason = "unknown priority (not high, medium or low)";
                }
                if (reason != null) {
                    skipped.merge(reason, 1, Integer::sum);
                    continue;
                }
                String s = subject == null ? "" : get(record, subject);
                String l = language == null ? null : get(record, language).toLowerCase(Locale.ROOT);
                rows.add(new TicketRecord(s, b, q, p, l == null || l.isBlank() ? null : l));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new DataException(name + ": malformed CSV (" + oneLine(e.getMessage()) + ")", e);
        } catch (IllegalArgumentException e) {
            throw new DataException(name + ": malformed CSV header (" + oneLine(e.getMessage()) + ")", e);
        }
        if (rows.isEmpty() && skipped.isEmpty()) {
            throw new DataException(name + ": no data rows after the header");
        }
        int skippedRows = skipped.values().stream().mapToInt(Integer::intValue).sum();
        return new TicketDataset(
                rows, skipped, List.of(new TicketDataset.Source(name, rows.size(), skippedRows, sha256)));
    }

    private static String get(CSVRecord record, int index) {
        return index < record.size() ? record.get(index).strip() : "";
    }

    private static String oneLine(String message) {
        return message == null
                ? "unknown error"
                : message.replaceAll("\\s+", " ").strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

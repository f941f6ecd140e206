package io.ticketrouter.classification.data;

import java.io.IOException;
import java.nio.ByteBuffer;
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

/**
 * Reads labelled tickets from files: JSON Lines for names ending in {@code .jsonl} or {@code .ndjson}
 * ({@link TicketJsonLinesReader}), CSV otherwise ({@link TicketCsvReader}). Either way the file is UTF-8 (a byte-order
 * mark is ignored), every error names the file and the problem in one line (the CLI prints it as is), rows that cannot
 * be used are counted by reason, and the file is identified by the SHA-256 of its bytes for provenance.
 */
public final class TicketFiles {

    /** A file's name, its text and the SHA-256 of its bytes. */
    record Text(String name, String content, String sha256) {}

    private TicketFiles() {}

    /** Reads the files in order into one data set. */
    public static TicketDataset read(List<Path> files, TicketColumns columns) throws DataException {
        List<TicketDataset> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(read(file, columns));
        }
        return TicketDataset.concat(parts);
    }

    public static TicketDataset read(Path file, TicketColumns columns) throws DataException {
        if (isJsonLines(file)) {
            return TicketJsonLinesReader.parse(text(file, "one JSON object per line"), columns);
        }
        return TicketCsvReader.parse(text(file, "a header with " + String.join(", ", columns.required())), columns);
    }

    static boolean isJsonLines(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    private static Text text(Path file, String expected) throws DataException {
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
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataException(name + ": not valid UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new DataException(name + ": file is empty (expected " + expected + ")");
        }
        return new Text(name, text, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.ticketrouter.cli;

import io.ticketrouter.classification.data.TicketDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The sample tickets that ship in {@code data/sample/tickets.csv}: a model trained on them is a demo, whatever the
 * file is called where it was read from (it is recognised by its SHA-256).
 */
final class SampleData {

    private SampleData() {}

    static Path file() {
        return Installation.home().resolve("data/sample/tickets.csv");
    }

    /** Whether one of the data set's input files is the installation's sample file, byte for byte. */
    static boolean contains(TicketDataset dataset) throws IOException {
        Path sample = file();
        if (!Files.isRegularFile(sample)) {
            return false;
        }
        String digest = sha256(sample);
        return dataset.sources().stream().anyMatch(s -> digest.equalsIgnoreCase(s.sha256()));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package io.ticketrouter.classification.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a bundle came from: {@code provenance.json}, with the snake_case component names as keys in this order.
 *
 * @param trainedAt       when training finished (whole seconds)
 * @param inputs          the CSV files trained on, in order
 * @param rows            usable rows trained on
 * @param skippedRows     skipped rows per reason ("empty body" → 3)
 * @param parameters      the training parameters as the trainer describes them (names and values as in the CLI)
 * @param versions        library, JVM and machine versions
 * @param trainingSeconds wall-clock seconds per training stage, in stage order
 * @param demo            trained on sample tickets rather than the team's own (the dashboard and the API say so); false
 *                        (also in bundles written before the field existed)
 */
public record Provenance(
        Instant trainedAt,
        List<Input> inputs,
        int rows,
        Map<String, Integer> skippedRows,
        Map<String, Object> parameters,
        Versions versions,
        Map<String, Double> trainingSeconds,
        Boolean demo) {

    public Provenance {
        demo = Boolean.TRUE.equals(demo);
    }

    /** The same provenance, marked as a demo: trained on sample tickets. */
    public Provenance asDemo() {
        return new Provenance(trainedAt, inputs, rows, skippedRows, parameters, versions, trainingSeconds, true);
    }

    /** One input file: name, usable and skipped rows, SHA-256 of its bytes. */
    public record Input(String file, int rows, int skippedRows, String sha256) {}

    /** What trained the bundle: Weka, OpenNLP, Java (version and vendor), operating system and processors. */
    public record Versions(String weka, String opennlp, String java, String os, int processors) {}
}

package io.ticketrouter.classification.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The on-disk layout of a bundle directory. {@code bundle.json} is the manifest
 * ({@link BundleManifest}): format version, model version, trained-at and the SHA-256 of every other file, so a
 * missing, truncated or edited file is reported by name before anything is parsed. {@link BundleWriter} writes a
 * bundle, {@link BundleReader} reads and checks one.
 *
 * <pre>
 * bundle.json            manifest (format_version, model_version, trained_at, files{name: sha256})
 * provenance.json        trained at, input files (rows, skipped, SHA-256), parameters, library versions
 * features.json          term extraction settings
 * vocabulary.tsv         term TAB idf, one line per vocabulary entry (feature index = line number)
 * class-scores.bin.gz    queue then priority class scores (magic "TRS1"), gzip; only with class scores
 * queue-forest.bin.gz    compact forest (magic "TRF1", format 1), gzip
 * priority-forest.bin.gz compact forest, gzip
 * calibration.json       isotonic confidence map per target (knots and values)
 * thresholds.json        target precision and per-queue review thresholds
 * evaluation.json        held-out figures (out-of-bag on the training rows, test rows when given)
 * charts/*.png           distributions, confusion matrices, top features, accuracy at coverage
 * </pre>
 *
 * The model version is the training time and a hash of the model files (features, vocabulary, class scores,
 * forests, calibration, thresholds): the same model content gives the same hash, wherever it is stored.
 */
public final class BundleFiles {

    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "bundle.json";
    static final String PROVENANCE = "provenance.json";
    static final String FEATURES = "features.json";
    static final String VOCABULARY = "vocabulary.tsv";
    static final String QUEUE_FOREST = "queue-forest.bin.gz";
    static final String PRIORITY_FOREST = "priority-forest.bin.gz";
    static final String CALIBRATION = "calibration.json";
    static final String CLASS_SCORES = "class-scores.bin.gz";
    static final String THRESHOLDS = "thresholds.json";
    static final String EVALUATION = "evaluation.json";
    /** Prefix of the charts' names; charts are for people, a missing one does not stop the classifier. */
    static final String CHARTS = "charts/";

    /** The files every manifest lists. */
    static final List<String> REQUIRED = List.of(
            PROVENANCE, FEATURES, VOCABULARY, QUEUE_FOREST, PRIORITY_FOREST, CALIBRATION, THRESHOLDS, EVALUATION);

    /** The files whose content defines the model's behaviour and so its version. */
    static final Set<String> MODEL_FILES =
            Set.of(FEATURES, VOCABULARY, CLASS_SCORES, QUEUE_FOREST, PRIORITY_FOREST, CALIBRATION, THRESHOLDS);

    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BundleFiles() {}

    /** The model version: training time and the first ten hex digits of the SHA-256 over the model files, by name. */
    static String version(Instant trainedAt, Map<String, byte[]> files) {
        MessageDigest digest = sha256();
        new TreeMap<>(files).forEach((name, bytes) -> {
            if (MODEL_FILES.contains(name)) {
                digest.update(utf8(name));
                digest.update(bytes);
            }
        });
        return VERSION_TIME.format(trainedAt) + "-"
                + HexFormat.of().formatHex(digest.digest()).substring(0, 10);
    }

    /** SHA-256 of the bytes, in lower-case hex (as the manifest lists it). */
    static String checksum(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

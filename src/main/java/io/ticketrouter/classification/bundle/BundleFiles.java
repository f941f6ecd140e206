package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.calibration.ConfidenceCalibrator;
import io.ticketrouter.classification.features.ClassScores;
import io.ticketrouter.classification.features.FeatureOptions;
import io.ticketrouter.classification.features.FeatureSpace;
import io.ticketrouter.classification.features.TfidfVectorizer;
import io.ticketrouter.classification.forest.CompactForest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The on-disk layout of a bundle directory and its checks. {@code bundle.json} is the manifest:
 * format version, model version, trained-at and the SHA-256 of every other file, so a missing,
 * truncated or edited file is reported by name before anything is parsed.
 *
 * <pre>
 * bundle.json            manifest (format_version, model_version, trained_at, files{name: sha256})
 * provenance.json        trained at, input files (rows, skipped, SHA-256), parameters, library versions
 * features.json          term extraction settings
 * vocabulary.tsv         term TAB idf, one line per vocabulary entry (feature index = line number)
 * queue-forest.bin.gz    compact forest (magic "TRF1", format 1), gzip
 * priority-forest.bin.gz compact forest, gzip
 * calibration.json       isotonic confidence map per target (knots and values)
 * thresholds.json        target precision and per-queue review thresholds
 * evaluation.json        held-out figures (out-of-bag on the training rows, test rows when given)
 * charts/*.png           distributions, confusion matrices, top features, accuracy at coverage
 * </pre>
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

    /** The files whose content defines the model's behaviour and so its version. */
    private static final List<String> MODEL_FILES = List.of(FEATURES, VOCABULARY, CLASS_SCORES, QUEUE_FOREST, PRIORITY_FOREST,
            CALIBRATION, THRESHOLDS);

    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BundleFiles() {
    }

    /** The files that define the model's behaviour, by name (in a fixed order); they determine the model version. */
    static Map<String, byte[]> modelFiles(ModelBundle b) {
        Map<String, byte[]> files = new TreeMap<>();
        FeatureSpace space = b.featureSpace();
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("subject_weight", space.options().subjectWeight());
        features.put("bigrams", space.options().bigrams());
        features.put("char_ngram_max", space.options().charNgramMax());
        features.put("stemming", space.options().stemming());
        features.put("class_scores", space.options().classScores());
        features.put("vocabulary_size", space.vectorizer().size());
        files.put(FEATURES, BundleJson.file(features));
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < space.vectorizer().size(); i++) {
            vocab.append(space.vectorizer().term(i)).append('\t').append(space.vectorizer().idf(i)).append('\n');
        }
        files.put(VOCABULARY, utf8(vocab.toString()));
        if (space.queueScores() != null) {
            files.put(CLASS_SCORES, gzip(out -> {
                space.queueScores().write(out);
                space.priorityScores().write(out);
            }));
        }
        files.put(QUEUE_FOREST, forestBytes(b.queueForest()));
        files.put(PRIORITY_FOREST, forestBytes(b.priorityForest()));
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("method", "isotonic map of the top-class vote share to accuracy, fitted on out-of-bag predictions");
        calibration.put("queue", knots(b.queueCalibration()));
        calibration.put("priority", knots(b.priorityCalibration()));
        files.put(CALIBRATION, BundleJson.file(calibration));
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("target_precision", b.targetPrecision());
        thresholds.put("queue", b.queueThresholds());
        files.put(THRESHOLDS, BundleJson.file(thresholds));
        return files;
    }

    static String version(Instant trainedAt, Map<String, byte[]> modelFiles) {
        MessageDigest digest = sha256();
        modelFiles.forEach((name, bytes) -> {
            digest.update(utf8(name));
            digest.update(bytes);
        });
        return VERSION_TIME.format(trainedAt) + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 10);
    }

    /**
     * Writes the bundle into {@code dir} (created if needed). Files are written to a temporary
     * directory next to it and moved into place, manifest last, so a crash never leaves a
     * directory that looks complete.
     */
    public static void save(ModelBundle bundle, Path dir, Map<String, byte[]> charts) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Files.createDirectories(target);
        Map<String, byte[]> files = new TreeMap<>(modelFiles(bundle));
        files.put(PROVENANCE, BundleJson.file(bundle.provenance()));
        files.put(EVALUATION, BundleJson.file(bundle.evaluation()));
        charts.forEach((name, png) -> files.put("charts/" + name, png));
        Files.deleteIfExists(target.resolve(MANIFEST));
        Map<String, Object> checksums = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = target.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, e.getValue());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            checksums.put(e.getKey(), HexFormat.of().formatHex(sha256().digest(e.getValue())));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format_version", FORMAT_VERSION);
        manifest.put("model_version", bundle.version());
        manifest.put("trained_at", bundle.trainedAt().toString());
        manifest.put("files", checksums);
        Path tmp = target.resolve(MANIFEST + ".tmp");
        Files.write(tmp, BundleJson.file(manifest));
        Files.move(tmp, target.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads and checks a bundle; every failure names the directory or file and the problem. */
    @SuppressWarnings("unchecked")
    public static ModelBundle load(Path dir) throws BundleException {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            throw new BundleException("no model bundle at " + dir + ": directory does not exist (train one with ./ticket-router train)");
        }
        Map<String, Object> manifest = json(target, MANIFEST, readFile(target, MANIFEST,
                "not a model bundle (bundle.json missing; partial or unfinished bundle?)"));
        Object format = manifest.get("format_version");
        if (!(format instanceof Integer f) || f != FORMAT_VERSION) {
            throw new BundleException(target.resolve(MANIFEST) + ": bundle format version " + format
                    + " is not supported (this build reads version " + FORMAT_VERSION + "; retrain the bundle)");
        }
        String version = string(target, manifest, "model_version");
        Instant trainedAt;
        try {
            trainedAt = Instant.parse(string(target, manifest, "trained_at"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new BundleException(target.resolve(MANIFEST) + ": trained_at is not a timestamp");
        }
        if (!(manifest.get("files") instanceof Map<?, ?> listed)) {
            throw new BundleException(target.resolve(MANIFEST) + ": \"files\" is missing");
        }
        for (String required : List.of(PROVENANCE, FEATURES, VOCABULARY, QUEUE_FOREST, PRIORITY_FOREST, CALIBRATION, THRESHOLDS, EVALUATION)) {
            if (!listed.containsKey(required)) {
                throw new BundleException(target.resolve(MANIFEST) + ": does not list " + required + " (partial bundle?)");
            }
        }
        Map<String, byte[]> content = new TreeMap<>();
        for (Map.Entry<?, ?> e : listed.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (name.startsWith("charts/")) {
                continue; // charts are for people; a missing chart does not stop the classifier
            }
            byte[] bytes = readFile(target, name, "missing (partial bundle?)");
            String actual = HexFormat.of().formatHex(sha256().digest(bytes));
            if (!actual.equals(e.getValue())) {
                throw new BundleException(target.resolve(name) + ": corrupt (SHA-256 differs from bundle.json)");
            }
            content.put(name, bytes);
        }
        try {
            Map<String, Object> features = json(target, FEATURES, content.get(FEATURES));
            FeatureOptions options = new FeatureOptions(
                    (int) number(target, FEATURES, features, "subject_weight"),
                    bool(target, FEATURES, features, "bigrams"),
                    (int) number(target, FEATURES, features, "char_ngram_max"),
                    bool(target, FEATURES, features, "stemming"),
                    bool(target, FEATURES, features, "class_scores"));
            TfidfVectorizer vectorizer = vocabulary(target, content.get(VOCABULARY));
            List<String> queues = labels(target, QUEUE_FOREST, content.get(QUEUE_FOREST));
            List<String> priorities = labels(target, PRIORITY_FOREST, content.get(PRIORITY_FOREST));
            ClassScores queueScores = null;
            ClassScores priorityScores = null;
            if (options.classScores()) {
                if (!content.containsKey(CLASS_SCORES)) {
                    throw new BundleException(target.resolve(MANIFEST) + ": does not list " + CLASS_SCORES + " (partial bundle?)");
                }
                try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(content.get(CLASS_SCORES))))) {
                    queueScores = ClassScores.readOne(in, queues.size(), vectorizer.size());
                    priorityScores = ClassScores.readOne(in, priorities.size(), vectorizer.size());
                    if (in.read() != -1) {
                        throw new IOException("unexpected data after the class scores");
                    }
                } catch (IOException e) {
                    throw new BundleException(target.resolve(CLASS_SCORES) + ": corrupt (" + e.getMessage() + ")", e);
                }
            }
            FeatureSpace space = new FeatureSpace(options, vectorizer, queues, priorities, queueScores, priorityScores);
            int width = space.width();
            CompactForest queue = forest(target, QUEUE_FOREST, content.get(QUEUE_FOREST), width);
            CompactForest priority = forest(target, PRIORITY_FOREST, content.get(PRIORITY_FOREST), width);
            Map<String, Object> calibration = json(target, CALIBRATION, content.get(CALIBRATION));
            Map<String, Object> thresholdsJson = json(target, THRESHOLDS, content.get(THRESHOLDS));
            if (!(thresholdsJson.get("queue") instanceof Map<?, ?> thresholdMap)) {
                throw new BundleException(target.resolve(THRESHOLDS) + ": \"queue\" thresholds missing");
            }
            Map<String, Double> thresholds = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : thresholdMap.entrySet()) {
                if (!(e.getValue() instanceof Number n)) {
                    throw new BundleException(target.resolve(THRESHOLDS) + ": threshold of " + e.getKey() + " is not a number");
                }
                thresholds.put(String.valueOf(e.getKey()), n.doubleValue());
            }
            ModelBundle bundle = new ModelBundle(space, queue, priority,
                    calibrator(target, calibration, "queue"),
                    calibrator(target, calibration, "priority"),
                    thresholds, number(target, THRESHOLDS, thresholdsJson, "target_precision"), version, trainedAt,
                    document(target, PROVENANCE, content.get(PROVENANCE), Provenance.class),
                    document(target, EVALUATION, content.get(EVALUATION), BundleEvaluation.class));
            Map<String, byte[]> modelFiles = new TreeMap<>(content);
            modelFiles.keySet().retainAll(MODEL_FILES);
            String expected = version(trainedAt, modelFiles);
            if (!expected.equals(version)) {
                throw new BundleException(target.resolve(MANIFEST) + ": model_version " + version
                        + " does not match the model files (expected " + expected + ")");
            }
            return bundle;
        } catch (IllegalArgumentException e) {
            throw new BundleException(target + ": invalid bundle content (" + e.getMessage() + ")", e);
        }
    }

    private static TfidfVectorizer vocabulary(Path dir, byte[] bytes) throws BundleException {
        List<String> terms = new ArrayList<>();
        List<Double> idf = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            int tab = lines[i].lastIndexOf('\t');
            try {
                if (tab <= 0) {
                    throw new NumberFormatException("no tab");
                }
                idf.add(Double.parseDouble(lines[i].substring(tab + 1)));
                terms.add(lines[i].substring(0, tab));
            } catch (NumberFormatException e) {
                throw new BundleException(dir.resolve(VOCABULARY) + ": line " + (i + 1) + " is not \"term<TAB>idf\"");
            }
        }
        if (terms.isEmpty()) {
            throw new BundleException(dir.resolve(VOCABULARY) + ": empty vocabulary");
        }
        return new TfidfVectorizer(terms, idf.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static CompactForest forest(Path dir, String name, byte[] bytes, int vocabularySize) throws BundleException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            return CompactForest.read(in, vocabularySize);
        } catch (IOException e) {
            throw new BundleException(dir.resolve(name) + ": corrupt forest (" + e.getMessage() + ")", e);
        }
    }

    /** The class labels in a forest file's header. */
    private static List<String> labels(Path dir, String name, byte[] bytes) throws BundleException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            return CompactForest.readLabels(in);
        } catch (IOException e) {
            throw new BundleException(dir.resolve(name) + ": corrupt forest (" + e.getMessage() + ")", e);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] gzip(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        })) {
            writer.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] forestBytes(CompactForest forest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        })) {
            forest.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] readFile(Path dir, String name, String problem) throws BundleException {
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir)) {
            throw new BundleException(dir.resolve(MANIFEST) + ": file name " + name + " points outside the bundle");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file + ": " + problem);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, Object> json(Path dir, String name, byte[] bytes) throws BundleException {
        try {
            return BundleJson.readObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new BundleException(dir.resolve(name) + ": not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static <T> T document(Path dir, String name, byte[] bytes, Class<T> type) throws BundleException {
        try {
            return BundleJson.read(bytes, type);
        } catch (IllegalArgumentException e) {
            throw new BundleException(dir.resolve(name) + ": not valid (" + e.getMessage() + ")");
        }
    }

    private static Map<String, Object> knots(ConfidenceCalibrator c) {
        Map<String, Object> m = new LinkedHashMap<>(); // fixed key order: this file is part of the model version
        m.put("knots", c.knots());
        m.put("values", c.values());
        return m;
    }

    private static ConfidenceCalibrator calibrator(Path dir, Map<String, Object> calibration, String target) throws BundleException {
        if (!(calibration.get(target) instanceof Map<?, ?> m) || !(m.get("knots") instanceof List<?> knots)
                || !(m.get("values") instanceof List<?> values)) {
            throw new BundleException(dir.resolve(CALIBRATION) + ": \"" + target + "\" needs \"knots\" and \"values\"");
        }
        try {
            return new ConfidenceCalibrator(doubles(knots), doubles(values));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BundleException(dir.resolve(CALIBRATION) + ": \"" + target + "\" " + e.getMessage());
        }
    }

    private static double[] doubles(List<?> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }

    private static String string(Path dir, Map<String, Object> m, String key) throws BundleException {
        if (!(m.get(key) instanceof String s)) {
            throw new BundleException(dir.resolve(MANIFEST) + ": \"" + key + "\" missing");
        }
        return s;
    }

    private static double number(Path dir, String file, Map<String, Object> m, String key) throws BundleException {
        if (!(m.get(key) instanceof Number n)) {
            throw new BundleException(dir.resolve(file) + ": \"" + key + "\" missing or not a number");
        }
        return n.doubleValue();
    }

    private static boolean bool(Path dir, String file, Map<String, Object> m, String key) throws BundleException {
        if (!(m.get(key) instanceof Boolean b)) {
            throw new BundleException(dir.resolve(file) + ": \"" + key + "\" missing or not true/false");
        }
        return b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

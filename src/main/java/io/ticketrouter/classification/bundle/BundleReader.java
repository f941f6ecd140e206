package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.calibration.ConfidenceCalibrator;
import io.ticketrouter.classification.features.ClassScores;
import io.ticketrouter.classification.features.FeatureOptions;
import io.ticketrouter.classification.features.FeatureSpace;
import io.ticketrouter.classification.features.TfidfVectorizer;
import io.ticketrouter.classification.forest.CompactForest;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads and checks a bundle directory: the manifest and the checksums first ({@link BundleManifest}), then every
 * file, then the model version against the model files. Every failure names the directory or file and the problem.
 */
final class BundleReader {

    private final Path dir;
    private final Map<String, byte[]> content;

    private BundleReader(Path dir, Map<String, byte[]> content) {
        this.dir = dir;
        this.content = content;
    }

    static ModelBundle load(Path dir) throws BundleException {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            throw new BundleException(
                    "no model bundle at " + dir + ": directory does not exist (train one with ./ticket-router train)");
        }
        BundleManifest manifest = BundleManifest.read(target);
        BundleReader reader = new BundleReader(target, manifest.readFiles(target));
        try {
            ModelBundle bundle = reader.bundle(manifest);
            String expected = BundleFiles.version(manifest.trainedAt(), reader.content);
            if (!expected.equals(manifest.modelVersion())) {
                throw new BundleException(target.resolve(BundleFiles.MANIFEST) + ": model_version "
                        + manifest.modelVersion() + " does not match the model files (expected " + expected + ")");
            }
            return bundle;
        } catch (IllegalArgumentException e) {
            throw new BundleException(target + ": invalid bundle content (" + e.getMessage() + ")", e);
        }
    }

    private ModelBundle bundle(BundleManifest manifest) throws BundleException {
        FeatureSpace space = featureSpace();
        BundleDocuments.Calibration calibration = document(BundleFiles.CALIBRATION, BundleDocuments.Calibration.class);
        BundleDocuments.Thresholds thresholds = document(BundleFiles.THRESHOLDS, BundleDocuments.Thresholds.class);
        ModelBundle.Parts parts = new ModelBundle.Parts(
                space,
                forest(BundleFiles.QUEUE_FOREST, space.width()),
                forest(BundleFiles.PRIORITY_FOREST, space.width()),
                calibrator(calibration.queue(), "queue"),
                calibrator(calibration.priority(), "priority"),
                thresholds.queue(),
                thresholds.targetPrecision());
        return new ModelBundle(
                parts,
                manifest.modelVersion(),
                manifest.trainedAt(),
                document(BundleFiles.PROVENANCE, Provenance.class),
                document(BundleFiles.EVALUATION, BundleEvaluation.class));
    }

    /** Settings, vocabulary and class scores; the class counts come from the forests' headers. */
    private FeatureSpace featureSpace() throws BundleException {
        FeatureOptions options =
                document(BundleFiles.FEATURES, BundleDocuments.Features.class).options();
        TfidfVectorizer vectorizer = vocabulary();
        List<String> queues = labels(BundleFiles.QUEUE_FOREST);
        List<String> priorities = labels(BundleFiles.PRIORITY_FOREST);
        ClassScores queueScores = null;
        ClassScores priorityScores = null;
        if (options.classScores()) {
            if (!content.containsKey(BundleFiles.CLASS_SCORES)) {
                throw new BundleException(dir.resolve(BundleFiles.MANIFEST) + ": does not list "
                        + BundleFiles.CLASS_SCORES + " (partial bundle?)");
            }
            try (DataInputStream in = gunzip(BundleFiles.CLASS_SCORES)) {
                queueScores = ClassScores.readOne(in, queues.size(), vectorizer.size());
                priorityScores = ClassScores.readOne(in, priorities.size(), vectorizer.size());
                if (in.read() != -1) {
                    throw new IOException("unexpected data after the class scores");
                }
            } catch (IOException e) {
                throw new BundleException(
                        dir.resolve(BundleFiles.CLASS_SCORES) + ": corrupt (" + e.getMessage() + ")", e);
            }
        }
        return new FeatureSpace(options, vectorizer, queues, priorities, queueScores, priorityScores);
    }

    private TfidfVectorizer vocabulary() throws BundleException {
        Path file = dir.resolve(BundleFiles.VOCABULARY);
        List<String> terms = new ArrayList<>();
        List<Double> idf = new ArrayList<>();
        String[] lines = new String(content.get(BundleFiles.VOCABULARY), StandardCharsets.UTF_8).split("\n");
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
                throw new BundleException(file + ": line " + (i + 1) + " is not \"term<TAB>idf\"");
            }
        }
        if (terms.isEmpty()) {
            throw new BundleException(file + ": empty vocabulary");
        }
        return new TfidfVectorizer(
                terms, idf.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The class labels in a forest file's header. */
    private List<String> labels(String name) throws BundleException {
        try (DataInputStream in = gunzip(name)) {
            return CompactForest.readLabels(in);
        } catch (IOException e) {
            throw new BundleException(dir.resolve(name) + ": corrupt forest (" + e.getMessage() + ")", e);
        }
    }

    private CompactForest forest(String name, int features) throws BundleException {
        try (DataInputStream in = gunzip(name)) {
            return CompactForest.read(in, features);
        } catch (IOException e) {
            throw new BundleException(dir.resolve(name) + ": corrupt forest (" + e.getMessage() + ")", e);
        }
    }

    private ConfidenceCalibrator calibrator(BundleDocuments.Knots knots, String target) throws BundleException {
        try {
            return knots.calibrator();
        } catch (IllegalArgumentException e) {
            throw new BundleException(
                    dir.resolve(BundleFiles.CALIBRATION) + ": \"" + target + "\" " + e.getMessage(), e);
        }
    }

    private <T> T document(String name, Class<T> type) throws BundleException {
        try {
            return BundleJson.read(content.get(name), type);
        } catch (IllegalArgumentException e) {
            throw new BundleException(dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    private DataInputStream gunzip(String name) throws IOException {
        return new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(content.get(name))));
    }
}

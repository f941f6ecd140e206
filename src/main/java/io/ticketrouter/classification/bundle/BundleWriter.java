package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.features.FeatureSpace;
import io.ticketrouter.classification.features.TfidfVectorizer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Writes a {@link ModelBundle} as the files {@link BundleFiles} lists. */
final class BundleWriter {

    private BundleWriter() {}

    /** The files that define the model's behaviour, by name; their bytes determine the model version. */
    static Map<String, byte[]> modelFiles(ModelBundle b) {
        Map<String, byte[]> files = new TreeMap<>();
        FeatureSpace space = b.parts().space();
        files.put(BundleFiles.FEATURES, BundleJson.file(BundleDocuments.Features.of(space)));
        files.put(BundleFiles.VOCABULARY, vocabulary(space.vectorizer()));
        if (space.queueScores() != null) {
            files.put(BundleFiles.CLASS_SCORES, gzip(out -> {
                space.queueScores().write(out);
                space.priorityScores().write(out);
            }));
        }
        files.put(BundleFiles.QUEUE_FOREST, gzip(b.parts().queueForest()::write));
        files.put(BundleFiles.PRIORITY_FOREST, gzip(b.parts().priorityForest()::write));
        files.put(
                BundleFiles.CALIBRATION,
                BundleJson.file(BundleDocuments.Calibration.of(
                        b.parts().queueCalibration(), b.parts().priorityCalibration())));
        files.put(
                BundleFiles.THRESHOLDS,
                BundleJson.file(new BundleDocuments.Thresholds(
                        b.parts().targetPrecision(), b.parts().queueThresholds())));
        return files;
    }

    /**
     * Writes the bundle into {@code dir} (created if needed). Each file is written to a temporary file and moved into
     * place, the manifest last, so a crash never leaves a directory that looks complete.
     */
    static void save(ModelBundle bundle, Path dir, Map<String, byte[]> charts) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Files.createDirectories(target);
        Map<String, byte[]> files = new TreeMap<>(modelFiles(bundle));
        files.put(BundleFiles.PROVENANCE, BundleJson.file(bundle.provenance()));
        files.put(BundleFiles.EVALUATION, BundleJson.file(bundle.evaluation()));
        charts.forEach((name, png) -> files.put(BundleFiles.CHARTS + name, png));
        Files.deleteIfExists(target.resolve(BundleFiles.MANIFEST));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = target.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, e.getValue());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        BundleManifest.of(bundle.version(), bundle.trainedAt(), files).write(target);
    }

    private static byte[] vocabulary(TfidfVectorizer vectorizer) {
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < vectorizer.size(); i++) {
            tsv.append(vectorizer.term(i))
                    .append('\t')
                    .append(vectorizer.idf(i))
                    .append('\n');
        }
        return BundleFiles.utf8(tsv.toString());
    }

    private interface BinaryWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] gzip(BinaryWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        })) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

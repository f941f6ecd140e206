package io.ticketrouter.classification.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketrouter.classification.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bundle.json}, the manifest and commit marker of a bundle: written last, by an atomic rename, it lists the
 * SHA-256 of every other file. Reading a bundle starts here: the format version is checked first, then every listed
 * file is read and checked against its checksum, so a missing, truncated or edited file is reported by name before
 * anything is parsed.
 *
 * @param files SHA-256 (hex) per file name, in name order
 */
record BundleManifest(int formatVersion, String modelVersion, Instant trainedAt, Map<String, String> files) {

    BundleManifest {
        if (modelVersion == null || trainedAt == null || files == null) {
            throw new IllegalArgumentException("needs \"model_version\", \"trained_at\" and \"files\"");
        }
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The manifest of a bundle of this format with these files (name → content). */
    static BundleManifest of(String modelVersion, Instant trainedAt, Map<String, byte[]> files) {
        Map<String, String> checksums = new LinkedHashMap<>();
        new TreeMap<>(files).forEach((name, bytes) -> checksums.put(name, BundleFiles.checksum(bytes)));
        return new BundleManifest(BundleFiles.FORMAT_VERSION, modelVersion, trainedAt, checksums);
    }

    /** Writes {@code dir/bundle.json} through a temporary file and an atomic rename. */
    void write(Path dir) throws IOException {
        Path tmp = dir.resolve(BundleFiles.MANIFEST + ".tmp");
        Files.write(tmp, BundleJson.file(this));
        Files.move(
                tmp,
                dir.resolve(BundleFiles.MANIFEST),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads {@code dir/bundle.json}: JSON, a format version this build reads, its fields and every required file
     * listed. {@code dir} is absolute and normalized.
     */
    static BundleManifest read(Path dir) throws BundleException {
        Path file = dir.resolve(BundleFiles.MANIFEST);
        byte[] bytes = readFile(
                dir, BundleFiles.MANIFEST, "not a model bundle (bundle.json missing; partial or unfinished bundle?)");
        BundleManifest manifest;
        try {
            JsonNode tree = BundleJson.tree(bytes);
            if (!tree.isObject()) {
                throw new BundleException(file + ": not valid JSON (not an object)");
            }
            JsonNode format = tree.get("format_version");
            if (format == null || !format.isInt() || format.intValue() != BundleFiles.FORMAT_VERSION) {
                throw new BundleException(
                        file + ": bundle format version " + format + " is not supported (this build reads version "
                                + BundleFiles.FORMAT_VERSION + "; retrain the bundle)");
            }
            manifest = BundleJson.read(tree, BundleManifest.class);
        } catch (IllegalArgumentException e) {
            throw new BundleException(file + ": " + e.getMessage(), e);
        }
        for (String required : BundleFiles.REQUIRED) {
            if (!manifest.files().containsKey(required)) {
                throw new BundleException(file + ": does not list " + required + " (partial bundle?)");
            }
        }
        return manifest;
    }

    /** Every listed file but the charts, read from {@code dir} and checked against its checksum. */
    Map<String, byte[]> readFiles(Path dir) throws BundleException {
        Map<String, byte[]> content = new TreeMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(BundleFiles.CHARTS)) {
                continue;
            }
            byte[] bytes = readFile(dir, name, "missing (partial bundle?)");
            if (!BundleFiles.checksum(bytes).equals(e.getValue())) {
                throw new BundleException(dir.resolve(name) + ": corrupt (SHA-256 differs from bundle.json)");
            }
            content.put(name, bytes);
        }
        return content;
    }

    private static byte[] readFile(Path dir, String name, String problem) throws BundleException {
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir)) {
            throw new BundleException(
                    dir.resolve(BundleFiles.MANIFEST) + ": file name " + name + " points outside the bundle");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file + ": " + problem);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}

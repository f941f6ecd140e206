package io.ticketrouter.interfaces.rest;

import io.ticketrouter.classification.ModelInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The loaded model bundle: version, provenance, thresholds and evaluation figures. */
@Schema(name = "Model")
public record ModelView(
        @Schema(example = "2026-11-27T14:30:00Z-3f2a9c") String version,
        @Schema(name = "format_version", example = "1") int formatVersion,
        @Schema(name = "trained_at") Instant trainedAt,

        @Schema(description = "A demo model, trained on sample tickets rather than the team's own")
        boolean demo,

        @Schema(description = "Where the bundle was loaded from (shown to admins only)")
        String directory,

        List<String> queues,
        List<String> priorities,
        @Schema(name = "queue_thresholds") Map<String, Double> queueThresholds,
        Map<String, Object> provenance,
        Map<String, Object> evaluation,

        @Schema(
                description = "URLs of the bundle's evaluation charts (PNG)",
                example = "[\"/api/model/charts/queue-confusion.png\"]")
        List<String> charts) {

    /** The model as this caller may see it: file-system paths for admins only. */
    static ModelView of(ModelInfo info, boolean admin) {
        return new ModelView(
                info.version(),
                info.formatVersion(),
                info.trainedAt(),
                info.demo(),
                info.directory() == null || !admin ? null : info.directory().toString(),
                info.queues(),
                info.priorities(),
                info.queueThresholds(),
                info.provenance(),
                info.evaluation(),
                charts(info.directory()));
    }

    static List<String> charts(java.nio.file.Path directory) {
        if (directory == null || !java.nio.file.Files.isDirectory(directory.resolve("charts"))) {
            return List.of();
        }
        try (java.util.stream.Stream<java.nio.file.Path> files =
                java.nio.file.Files.list(directory.resolve("charts"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".png"))
                    .sorted()
                    .map(n -> "/api/model/charts/" + n)
                    .toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}

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
        String directory,
        List<String> queues,
        List<String> priorities,
        @Schema(name = "queue_thresholds") Map<String, Double> queueThresholds,
        Map<String, Object> provenance,
        Map<String, Object> evaluation) {

    static ModelView of(ModelInfo info) {
        return new ModelView(info.version(), info.formatVersion(), info.trainedAt(),
                info.directory() == null ? null : info.directory().toString(), info.queues(), info.priorities(),
                info.queueThresholds(), info.provenance(), info.evaluation());
    }
}

package io.ticketrouter.classification;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Description of a loaded bundle, as shown by the API and the dashboard's model view.
 *
 * @param version          unique version of the bundle (stable for the same bundle files)
 * @param formatVersion    bundle format version
 * @param trainedAt        when the bundle was trained
 * @param directory        where it was loaded from, as the loader knows it (null from the classifier itself, which does
 *                         not know where its files are; see {@link #withDirectory})
 * @param queues           queue labels the model knows
 * @param priorities       priority labels the model knows ("high", "medium", "low")
 * @param queueThresholds  per-queue review thresholds
 * @param provenance       the bundle's provenance document (input files, parameters, library versions), as parsed JSON
 * @param evaluation       the bundle's held-out evaluation figures, as parsed JSON (may be empty)
 * @param demo             trained on sample tickets, not the team's own: a demo model, which agents are told about
 */
public record ModelInfo(
        String version,
        int formatVersion,
        Instant trainedAt,
        Path directory,
        List<String> queues,
        List<String> priorities,
        Map<String, Double> queueThresholds,
        Map<String, Object> provenance,
        Map<String, Object> evaluation,
        boolean demo) {

    /** The same description with the directory the bundle was loaded from. */
    public ModelInfo withDirectory(Path loadedFrom) {
        return new ModelInfo(
                version,
                formatVersion,
                trainedAt,
                loadedFrom,
                queues,
                priorities,
                queueThresholds,
                provenance,
                evaluation,
                demo);
    }
}

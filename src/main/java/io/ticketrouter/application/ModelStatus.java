package io.ticketrouter.application;

import io.ticketrouter.classification.ModelInfo;

/**
 * Whether a model is loaded; when not, why.
 *
 * @param directory where the bundle is expected
 * @param info      the loaded bundle, null when none is loaded
 * @param reason    why no model is loaded, null when one is
 */
public record ModelStatus(String directory, ModelInfo info, String reason) {

    public boolean ready() {
        return info != null;
    }

    /** The reason as anyone may read it ({@code /health}, {@code GET /api}): without the file-system path. */
    public String publicReason() {
        if (reason == null || directory == null || directory.isEmpty()) {
            return reason;
        }
        return reason.replace(directory, "<models directory>");
    }
}

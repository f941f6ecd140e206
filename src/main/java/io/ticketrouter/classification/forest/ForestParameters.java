package io.ticketrouter.classification.forest;

/**
 * Settings of one Weka random forest, validated on construction with messages that say how to fix them.
 *
 * @param trees               number of trees
 * @param featuresPerSplit    features tried at each split; 0 = Weka's default (log2(M) + 1)
 * @param maxDepth            0 = unlimited
 * @param minLeafWeight       minimum total weight per leaf (Weka RandomTree -M)
 * @param seed                random seed (same seed and data = same forest)
 * @param balanced            weight rows inversely to their class frequency (balanced bootstrap)
 * @param threads             execution slots for tree building; 0 = all processors
 * @param bagRows             at most this many rows drawn for each tree (0 = as many as there are training rows):
 *                            beyond it, each tree sees a sample of the rows, so a tree's size and building time
 *                            stop growing with the training set while the forest as a whole still sees all rows
 */
public record ForestParameters(
        int trees,
        int featuresPerSplit,
        int maxDepth,
        double minLeafWeight,
        int seed,
        boolean balanced,
        int threads,
        int bagRows) {

    public ForestParameters {
        if (trees < 1 || trees > 2000) {
            throw new IllegalArgumentException("number of trees must be 1 to 2000, got " + trees);
        }
        if (featuresPerSplit < 0) {
            throw new IllegalArgumentException(
                    "features per split must be 0 (Weka default) or positive, got " + featuresPerSplit);
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maximum depth must be 0 (unlimited) or positive, got " + maxDepth);
        }
        if (!(minLeafWeight >= 1)) {
            throw new IllegalArgumentException("minimum leaf weight must be at least 1, got " + minLeafWeight);
        }
        if (bagRows < 0) {
            throw new IllegalArgumentException("rows per tree must be 0 (all rows) or positive, got " + bagRows);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all processors) or positive, got " + threads);
        }
    }

    /** Weka's bag size, in percent of the training rows, for {@code rows} training rows. */
    public int bagSizePercent(int rows) {
        if (bagRows == 0 || rows <= bagRows) {
            return 100;
        }
        return (int) Math.max(1, Math.ceil(100.0 * bagRows / rows));
    }

    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}

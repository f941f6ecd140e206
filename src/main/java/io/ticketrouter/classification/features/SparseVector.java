package io.ticketrouter.classification.features;

/**
 * A feature vector with few non-zero entries: ascending feature indices and their values.
 * Arrays are owned by the vector and must not be modified.
 */
public record SparseVector(int[] indices, double[] values) {

    /** Writes the values into a dense array (which must be zero where this vector has no entries). */
    public void scatter(double[] dense) {
        for (int i = 0; i < indices.length; i++) {
            dense[indices[i]] = values[i];
        }
    }
}

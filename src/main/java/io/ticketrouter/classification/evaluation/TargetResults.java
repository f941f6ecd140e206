package io.ticketrouter.classification.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Predictions of one target (queue or priority) on labelled rows, collected row by row; the
 * input of {@link Evaluation}. Labels are the model's label order.
 */
public final class TargetResults {

    private final List<String> labels;
    private final List<Integer> truth = new ArrayList<>();
    private final List<Integer> predicted = new ArrayList<>();
    private final List<Double> confidence = new ArrayList<>();

    public TargetResults(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /** Adds a row; a true label the model does not know counts as wrong (class index -1). */
    public void add(String trueLabel, String predictedLabel, double predictedConfidence) {
        truth.add(labels.indexOf(trueLabel));
        predicted.add(labels.indexOf(predictedLabel));
        confidence.add(predictedConfidence);
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return truth.size();
    }

    int truth(int row) {
        return truth.get(row);
    }

    int predicted(int row) {
        return predicted.get(row);
    }

    double confidence(int row) {
        return confidence.get(row);
    }

    public int[] truthArray() {
        return truth.stream().mapToInt(Integer::intValue).toArray();
    }

    public int[] predictedArray() {
        return predicted.stream().mapToInt(Integer::intValue).toArray();
    }

    public double[] confidenceArray() {
        return confidence.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

package io.ticketrouter.classification.training;

import io.ticketrouter.classification.bundle.ModelBundle;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketRecord;
import io.ticketrouter.classification.evaluation.EvaluationReport;
import io.ticketrouter.classification.forest.CompactForest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The bundle's PNG charts (xchart): label and language distributions of the training rows,
 * confusion matrices and accuracy at coverage from the held-out figures (test rows when given,
 * otherwise out-of-bag), and the forests' most used features.
 */
public final class TrainingCharts {

    private TrainingCharts() {}

    public static Map<String, byte[]> render(ModelBundle bundle, TicketDataset data, BundleTrainer.Result result)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, byte[]> charts = new LinkedHashMap<>();
        charts.put(
                "queue-distribution.png",
                png(bars("Training rows per queue", "queue", count(data, TicketRecord::queue))));
        charts.put(
                "priority-distribution.png",
                png(bars("Training rows per priority", "priority", count(data, TicketRecord::priority))));
        Map<String, Number> languages = new TreeMap<>();
        for (String l : result.languages()) {
            languages.merge(l, 1, (a, b) -> a.intValue() + b.intValue());
        }
        charts.put("language-distribution.png", png(bars("Training rows per language", "language", languages)));
        EvaluationReport heldOut = bundle.evaluation().heldOut();
        String source = bundle.evaluation().test() != null ? "test rows" : "out-of-bag";
        charts.put(
                "queue-confusion.png",
                png(confusion(
                        "Queue confusion (" + source + ")", heldOut.queue().confusion())));
        charts.put(
                "priority-confusion.png",
                png(confusion(
                        "Priority confusion (" + source + ")",
                        heldOut.priority().confusion())));
        charts.put(
                "queue-top-features.png",
                png(bars(
                        "Queue forest: most used terms (share of split weight)",
                        "term",
                        topFeatures(bundle, bundle.parts().queueForest(), 25))));
        charts.put(
                "priority-top-features.png",
                png(bars(
                        "Priority forest: most used terms (share of split weight)",
                        "term",
                        topFeatures(bundle, bundle.parts().priorityForest(), 25))));
        charts.put(
                "accuracy-at-coverage.png",
                png(coverage(
                        "Queue accuracy at coverage (" + source + ")",
                        heldOut.queue().accuracyAtCoverage())));
        return charts;
    }

    private static Map<String, Number> count(
            TicketDataset data, java.util.function.Function<TicketRecord, String> key) {
        Map<String, Number> m = new TreeMap<>();
        for (TicketRecord r : data.records()) {
            m.merge(key.apply(r), 1, (a, b) -> a.intValue() + b.intValue());
        }
        return m;
    }

    private static Map<String, Number> topFeatures(ModelBundle bundle, CompactForest forest, int n) {
        double[] weight = forest.splitWeights(bundle.parts().space().width());
        Integer[] order = new Integer[weight.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(weight[b], weight[a]));
        Map<String, Number> m = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(n, order.length) && weight[order[i]] > 0; i++) {
            m.put(bundle.parts().space().featureName(order[i]), weight[order[i]]);
        }
        return m;
    }

    private static CategoryChart bars(String title, String axis, Map<String, Number> values) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(900)
                .height(520)
                .title(title)
                .xAxisTitle(axis)
                .yAxisTitle("")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.addSeries(axis, new ArrayList<>(values.keySet()), new ArrayList<>(values.values()));
        return chart;
    }

    private static HeatMapChart confusion(String title, EvaluationReport.Confusion confusion) {
        List<String> labels = confusion.labels();
        List<List<Long>> matrix = confusion.matrix();
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(900)
                .height(800)
                .title(title + " — rows: true, columns: predicted")
                .build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < labels.size(); t++) {
            List<Long> row = matrix.get(t);
            for (int p = 0; p < labels.size(); p++) {
                // y axis runs bottom-up: put the first label on top.
                cells.add(new Number[] {p, labels.size() - 1 - t, row.get(p).intValue()});
            }
        }
        List<String> xs = List.copyOf(labels);
        List<String> ys = new ArrayList<>(xs);
        java.util.Collections.reverse(ys);
        chart.addSeries("confusion", xs, ys, cells);
        return chart;
    }

    private static XYChart coverage(String title, List<EvaluationReport.CoveragePoint> points) {
        XYChart chart = new XYChartBuilder()
                .width(800)
                .height(500)
                .title(title)
                .xAxisTitle("confidence threshold")
                .yAxisTitle("share")
                .build();
        List<Double> t = new ArrayList<>();
        List<Double> cov = new ArrayList<>();
        List<Double> acc = new ArrayList<>();
        for (EvaluationReport.CoveragePoint p : points) {
            if (p.accuracy() == null) {
                continue;
            }
            t.add(p.threshold());
            cov.add(p.coverage());
            acc.add(p.accuracy());
        }
        if (!t.isEmpty()) {
            chart.addSeries("coverage (auto-routed share)", t, cov);
            chart.addSeries("accuracy of auto-routed", t, acc);
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        return chart;
    }

    private static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}

package io.ticketrouter.cli;

import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.bundle.BundleJson;
import io.ticketrouter.classification.bundle.ModelBundles;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketFiles;
import io.ticketrouter.classification.evaluation.ClassifierEvaluator;
import io.ticketrouter.classification.evaluation.EvaluationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: measures a bundle on a labelled CSV; readable tables or one JSON object. */
@Command(name = "evaluate", description = "Evaluate a model bundle on labelled tickets (CSV or JSON Lines).")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Bundle directory.")
    Path model;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE",
            description = "Labelled tickets, CSV or JSON Lines (.jsonl).")
    Path data;

    @picocli.CommandLine.Mixin
    ColumnOptions columns;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        TicketClassifier classifier = ModelBundles.load(model);
        TicketDataset dataset = TicketFiles.read(data, columns.columns());
        long start = System.nanoTime();
        EvaluationReport figures = ClassifierEvaluator.evaluate(classifier, dataset, n -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            System.out.println(BundleJson.write(figures));
            return 0;
        }
        System.out.printf(
                Locale.ROOT,
                "Model %s on %s: %d rows (%d skipped), %.1f s%n%n",
                classifier.info().version(),
                data.getFileName(),
                dataset.size(),
                dataset.skippedRows(),
                seconds);
        table("Queue", figures.queue());
        table("Priority", figures.priority());
        System.out.printf(
                Locale.ROOT,
                "Priority inversions: high→low %s, low→high %s%n%n",
                figures.highToLowRate(),
                figures.lowToHighRate());
        System.out.println("Per language      rows  queue acc  priority acc");
        figures.perLanguage()
                .forEach((lang, m) -> System.out.printf(
                        Locale.ROOT,
                        "  %-14s %5s  %9s  %12s%n",
                        lang,
                        m.rows(),
                        m.queueAccuracy(),
                        m.priorityAccuracy()));
        System.out.println();
        System.out.println("Queue accuracy at coverage (confidence ≥ threshold)");
        System.out.println("  threshold  coverage  accuracy");
        for (EvaluationReport.CoveragePoint p : figures.accuracyAtCoverage()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %9s  %8s  %8s%n",
                    p.threshold(),
                    p.coverage(),
                    p.accuracy() == null ? "-" : p.accuracy());
        }
        EvaluationReport.ReviewCoverage review = figures.queue().reviewThresholds();
        if (review != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%nWith the bundle's per-queue review thresholds: %s auto-routed, accuracy %s%n",
                    review.autoRoutedShare(),
                    review.autoRoutedAccuracy());
        }
        return 0;
    }

    private static void table(String title, EvaluationReport.TargetFigures t) {
        System.out.printf(
                Locale.ROOT,
                "%s: accuracy %s, macro-F1 %s, weighted-F1 %s, ECE %s%n",
                title,
                t.accuracy(),
                t.macroF1(),
                t.weightedF1(),
                t.ece());
        System.out.println("  label                              precision  recall      f1  support");
        t.perClass()
                .forEach((label, m) -> System.out.printf(
                        Locale.ROOT,
                        "  %-34s %9s %7s %7s %8s%n",
                        label,
                        m.precision(),
                        m.recall(),
                        m.f1(),
                        m.support()));
        List<String> labels = t.confusion().labels();
        System.out.println("  confusion (rows true, columns predicted, in label order above):");
        for (int i = 0; i < labels.size(); i++) {
            StringBuilder sb = new StringBuilder("   ");
            for (Long v : t.confusion().matrix().get(i)) {
                sb.append(String.format(Locale.ROOT, " %4s", v));
            }
            System.out.println(sb);
        }
        System.out.println();
    }
}

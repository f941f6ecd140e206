package io.ticketrouter.cli;

import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.bundle.BundleJson;
import io.ticketrouter.classification.bundle.ModelBundles;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketFiles;
import io.ticketrouter.classification.evaluation.ClassifierEvaluator;
import io.ticketrouter.classification.evaluation.EvaluationReport;
import io.ticketrouter.similarity.SimilarityEvaluation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(
            names = "--similar-to",
            paramLabel = "FILE",
            description = "Also measure the similar tickets: index these labelled tickets (for example the training "
                    + "file, as import would load them) and report hit@k and the accuracy of a majority vote of the k "
                    + "most similar beside the forest's; repeat to index several files.")
    List<Path> similarTo;

    @Option(
            names = "--similar-k",
            paramLabel = "K",
            defaultValue = "5",
            description = "How many similar tickets --similar-to looks at.")
    int similarK;

    @Override
    public Integer call() throws Exception {
        TicketClassifier classifier = ModelBundles.load(model);
        TicketDataset dataset = TicketFiles.read(data, columns.columns());
        long start = System.nanoTime();
        EvaluationReport figures = ClassifierEvaluator.evaluate(classifier, dataset, n -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        SimilarityEvaluation.Result similar = null;
        if (similarTo != null && !similarTo.isEmpty()) {
            if (similarK < 1 || similarK > 100) {
                throw new CliFailure("evaluate: --similar-k must be 1 to 100, got " + similarK);
            }
            TicketDataset history = TicketFiles.read(similarTo, columns.columns());
            similar = SimilarityEvaluation.evaluate(classifier, history.records(), dataset.records(), similarK);
        }
        if (json) {
            if (similar == null) {
                System.out.println(BundleJson.write(figures));
            } else {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("evaluation", figures);
                both.put("similar_tickets", similar);
                System.out.println(BundleJson.write(both));
            }
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
        if (similar != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%nSimilar tickets (%d indexed, %d most similar per ticket):%n"
                            + "  hit@%d %.4f (one of the ticket's own queue among them)%n"
                            + "  majority vote queue accuracy %.4f, forest queue accuracy %s%n"
                            + "  no similar ticket found for %.4f%n",
                    similar.historyRows(),
                    similar.k(),
                    similar.k(),
                    similar.hitAtK(),
                    similar.majorityAccuracy(),
                    figures.queue().accuracy(),
                    similar.withoutNeighbour());
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

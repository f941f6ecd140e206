package io.ticketrouter.cli;

import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.bundle.BundleJson;
import io.ticketrouter.classification.bundle.ModelBundles;
import io.ticketrouter.classification.data.TicketCsvReader;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.evaluation.ClassifierEvaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: measures a bundle on a labelled CSV; readable tables or one JSON object. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a model bundle on a labelled CSV file.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Bundle directory.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled CSV.")
    Path data;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        TicketClassifier classifier = ModelBundles.load(model);
        TicketDataset dataset = TicketCsvReader.read(data);
        long start = System.nanoTime();
        Map<String, Object> figures = ClassifierEvaluator.evaluate(classifier, dataset, n -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            System.out.println(BundleJson.write(figures));
            return 0;
        }
        System.out.printf(Locale.ROOT, "Model %s on %s: %d rows (%d skipped), %.1f s%n%n", classifier.info().version(),
                data.getFileName(), dataset.size(), dataset.skippedRows(), seconds);
        table("Queue", (Map<?, ?>) figures.get("queue"));
        table("Priority", (Map<?, ?>) figures.get("priority"));
        System.out.printf(Locale.ROOT, "Priority inversions: high→low %s, low→high %s%n%n", figures.get("high_to_low_rate"), figures.get("low_to_high_rate"));
        System.out.println("Per language      rows  queue acc  priority acc");
        ((Map<?, ?>) figures.get("per_language")).forEach((lang, v) -> {
            Map<?, ?> m = (Map<?, ?>) v;
            System.out.printf(Locale.ROOT, "  %-14s %5s  %9s  %12s%n", lang, m.get("rows"), m.get("queue_accuracy"), m.get("priority_accuracy"));
        });
        System.out.println();
        System.out.println("Queue accuracy at coverage (confidence ≥ threshold)");
        System.out.println("  threshold  coverage  accuracy");
        for (Object o : (List<?>) figures.get("accuracy_at_coverage")) {
            Map<?, ?> p = (Map<?, ?>) o;
            System.out.printf(Locale.ROOT, "  %9s  %8s  %8s%n", p.get("threshold"), p.get("coverage"), p.get("accuracy") == null ? "-" : p.get("accuracy"));
        }
        Map<?, ?> review = (Map<?, ?>) ((Map<?, ?>) figures.get("queue")).get("review_thresholds");
        if (review != null) {
            System.out.printf(Locale.ROOT, "%nWith the bundle's per-queue review thresholds: %s auto-routed, accuracy %s%n",
                    review.get("auto_routed_share"), review.get("auto_routed_accuracy"));
        }
        return 0;
    }

    private static void table(String title, Map<?, ?> t) {
        System.out.printf(Locale.ROOT, "%s: accuracy %s, macro-F1 %s, weighted-F1 %s, ECE %s%n", title, t.get("accuracy"),
                t.get("macro_f1"), t.get("weighted_f1"), t.get("ece"));
        System.out.println("  label                              precision  recall      f1  support");
        ((Map<?, ?>) t.get("per_class")).forEach((label, v) -> {
            Map<?, ?> m = (Map<?, ?>) v;
            System.out.printf(Locale.ROOT, "  %-34s %9s %7s %7s %8s%n", label, m.get("precision"), m.get("recall"), m.get("f1"), m.get("support"));
        });
        Map<?, ?> confusion = (Map<?, ?>) t.get("confusion");
        List<?> labels = (List<?>) confusion.get("labels");
        System.out.println("  confusion (rows true, columns predicted, in label order above):");
        for (int i = 0; i < labels.size(); i++) {
            StringBuilder sb = new StringBuilder("   ");
            for (Object v : (List<?>) ((List<?>) confusion.get("matrix")).get(i)) {
                sb.append(String.format(Locale.ROOT, " %4s", v));
            }
            System.out.println(sb);
        }
        System.out.println();
    }
}

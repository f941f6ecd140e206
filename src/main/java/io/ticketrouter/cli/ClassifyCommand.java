package io.ticketrouter.cli;

import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.bundle.BundleJson;
import io.ticketrouter.classification.bundle.ModelBundles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code classify}: one prediction for a quick look. */
@Command(name = "classify", description = "Classify one ticket text with a model bundle.")
final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Bundle directory.")
    Path model;

    @Option(names = "--subject", paramLabel = "S", description = "Subject line (optional).")
    String subject = "";

    @Option(
            names = "--language",
            paramLabel = "CODE",
            description = "Language code if known (en, de, es, fr, pt); detected otherwise.")
    String language;

    @Option(names = "--json", description = "Print the prediction as JSON.")
    boolean json;

    @Parameters(
            arity = "1..*",
            paramLabel = "TEXT",
            description = "The ticket's text (several words are joined with spaces).")
    List<String> text;

    @Override
    public Integer call() throws Exception {
        String body = String.join(" ", text).strip();
        if (body.isEmpty()) {
            throw new CliFailure("classify: TEXT must not be empty");
        }
        TicketClassifier classifier = ModelBundles.load(model);
        Prediction p = classifier.classify(new TicketText(subject, body, language));
        if (json) {
            System.out.println(BundleJson.write(toMap(p)));
            return 0;
        }
        System.out.printf(
                Locale.ROOT,
                "queue     %s (%.2f)%s%n",
                p.queue().label(),
                p.queue().confidence(),
                p.belowReviewThreshold()
                        ? String.format(
                                Locale.ROOT, "  — below review threshold %.2f: needs review", p.queueReviewThreshold())
                        : "");
        System.out.printf(
                Locale.ROOT,
                "priority  %s (%.2f)%n",
                p.priority().label(),
                p.priority().confidence());
        System.out.printf(Locale.ROOT, "language  %s%n", p.language());
        List<String> words = new ArrayList<>();
        p.keywords().forEach(k -> words.add(String.format(Locale.ROOT, "%s (+%.3f)", k.term(), k.weight())));
        System.out.println("keywords  " + (words.isEmpty() ? "-" : String.join(", ", words)));
        List<String> alternatives = new ArrayList<>();
        p.queueProbabilities().entrySet().stream()
                .skip(1)
                .limit(3)
                .forEach(e -> alternatives.add(String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())));
        System.out.println("next      " + String.join(", ", alternatives));
        System.out.println("model     " + p.modelVersion());
        return 0;
    }

    static Map<String, Object> toMap(Prediction p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", p.language());
        m.put("queue", pair("label", p.queue().label(), "confidence", p.queue().confidence()));
        m.put(
                "priority",
                pair("label", p.priority().label(), "confidence", p.priority().confidence()));
        m.put("queue_probabilities", p.queueProbabilities());
        m.put("priority_probabilities", p.priorityProbabilities());
        List<Object> keywords = new ArrayList<>();
        p.keywords().forEach(k -> keywords.add(pair("term", k.term(), "weight", k.weight())));
        m.put("keywords", keywords);
        m.put("queue_review_threshold", p.queueReviewThreshold());
        m.put("needs_review", p.belowReviewThreshold());
        m.put("model_version", p.modelVersion());
        return m;
    }

    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}

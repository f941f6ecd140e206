package io.ticketrouter.classification.training;

import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.bundle.BundleEvaluation;
import io.ticketrouter.classification.bundle.ModelBundle;
import io.ticketrouter.classification.bundle.Provenance;
import io.ticketrouter.classification.calibration.ConfidenceCalibrator;
import io.ticketrouter.classification.calibration.ReviewThresholds;
import io.ticketrouter.classification.data.TicketCsvReader;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketRecord;
import io.ticketrouter.classification.evaluation.Evaluation;
import io.ticketrouter.classification.evaluation.EvaluationReport;
import io.ticketrouter.classification.evaluation.TargetResults;
import io.ticketrouter.classification.features.ClassScores;
import io.ticketrouter.classification.features.FeatureSpace;
import io.ticketrouter.classification.features.SparseVector;
import io.ticketrouter.classification.features.TermExtractor;
import io.ticketrouter.classification.features.TermTable;
import io.ticketrouter.classification.features.TfidfVectorizer;
import io.ticketrouter.classification.features.VocabularyFitter;
import io.ticketrouter.classification.forest.WekaForestTrainer;
import io.ticketrouter.classification.text.NlpModels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trains both forests from labelled rows and returns an evaluated {@link ModelBundle}. Calibration,
 * review thresholds and the bundle's evaluation figures come from out-of-bag predictions (each row
 * judged only by trees that did not see it), so no training row is spent on a separate hold-out.
 */
public final class BundleTrainer {

    /** What training produced: the bundle, per-stage timings and the out-of-bag predictions. */
    public record Result(
            ModelBundle bundle,
            Map<String, Double> secondsPerStage,
            TargetResults oobQueue,
            TargetResults oobPriority,
            List<String> languages) {}

    private final TrainingParameters parameters;
    private final ProgressListener progress;

    public BundleTrainer(TrainingParameters parameters, ProgressListener progress) {
        this.parameters = parameters;
        this.progress = progress;
    }

    /**
     * Reads the CSV files, trains with the given parameters and writes the bundle (with charts) to
     * {@code dir}: what the server calls when it has no bundle yet and trains one from
     * {@code data/sample/}. Errors: {@link io.ticketrouter.classification.data.DataException} for
     * unusable input (one-line message naming the file), IOException when writing fails.
     */
    public static ModelBundle trainAndSave(
            List<java.nio.file.Path> csvFiles,
            java.nio.file.Path dir,
            TrainingParameters parameters,
            ProgressListener progress)
            throws Exception {
        TicketDataset data = TicketCsvReader.read(csvFiles);
        Result result = new BundleTrainer(parameters, progress).train(data);
        io.ticketrouter.classification.bundle.ModelBundles.save(
                result.bundle(), dir, TrainingCharts.render(result.bundle(), data, result));
        return result.bundle();
    }

    public Result train(TicketDataset data) throws Exception {
        if (data.size() < 20) {
            throw new IllegalArgumentException("need at least 20 usable rows to train, got " + data.size());
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<TicketRecord> rows = data.records();
        List<String> queues = new ArrayList<>(
                new TreeSet<>(rows.stream().map(TicketRecord::queue).toList()));
        List<String> priorities = TicketCsvReader.PRIORITIES;
        int[] queueClass =
                rows.stream().mapToInt(r -> queues.indexOf(r.queue())).toArray();
        int[] priorityClass =
                rows.stream().mapToInt(r -> priorities.indexOf(r.priority())).toArray();

        // Tokenizing (parallel: OpenNLP tools are created per call from shared models).
        long t0 = System.nanoTime();
        progress.start("Tokenizing", rows.size());
        TermExtractor extractor = new TermExtractor(parameters.features());
        TermTable docs = new TermTable(rows.size());
        List<String> languages = extractAll(extractor, rows, docs);
        progress.finish(rows.size() + " tickets, " + docs.occurrences() + " term occurrences");
        seconds.put("tokenizing", secondsSince(t0));

        // Vectorizing: vocabulary, chi² selection and IDF from these rows only.
        t0 = System.nanoTime();
        progress.start("Vectorizing", 2);
        Map<String, VocabularyFitter.Target> targets = new LinkedHashMap<>();
        targets.put("queue", new VocabularyFitter.Target(queueClass, queues.size(), parameters.queueTerms()));
        targets.put(
                "priority", new VocabularyFitter.Target(priorityClass, priorities.size(), parameters.priorityTerms()));
        VocabularyFitter.Fitted fitted =
                new VocabularyFitter(parameters.minDf(), parameters.maxDfRatio()).fit(docs, targets);
        progress.step(1);
        TfidfVectorizer vectorizer = fitted.vectorizer();
        List<SparseVector> vectors = docs.vectors(vectorizer);
        progress.step(2);
        progress.finish(
                vectorizer.size() + " terms (" + fitted.featuresPerTarget().get("queue").length + " for queue, "
                        + fitted.featuresPerTarget().get("priority").length + " for priority)");
        seconds.put("vectorizing", secondsSince(t0));

        // Class scores: fitted on all rows for prediction, cross-fitted for the forest's training rows.
        t0 = System.nanoTime();
        FeatureSpace space;
        List<SparseVector> forestRows;
        if (parameters.features().classScores()) {
            int v = vectorizer.size();
            ClassScores.Method method = parameters.scoreMethod();
            space = new FeatureSpace(
                    parameters.features(),
                    vectorizer,
                    queues,
                    priorities,
                    ClassScores.fit(method, vectors, queueClass, queues.size(), v, null),
                    ClassScores.fit(method, vectors, priorityClass, priorities.size(), v, null));
            double[][] qs = ClassScores.crossFitted(
                    method, vectors, queueClass, queues.size(), v, TrainingParameters.CLASS_SCORE_FOLDS);
            double[][] ps = ClassScores.crossFitted(
                    method, vectors, priorityClass, priorities.size(), v, TrainingParameters.CLASS_SCORE_FOLDS);
            forestRows = new ArrayList<>(vectors.size());
            for (int r = 0; r < vectors.size(); r++) {
                forestRows.add(space.trainingRow(vectors.get(r), qs[r], ps[r]));
            }
        } else {
            space = new FeatureSpace(parameters.features(), vectorizer, queues, priorities, null, null);
            forestRows = vectors;
        }
        int width = space.width();
        int[] queueFeatures = space.forestFeatures(fitted.best("queue", parameters.forestTerms()));
        int[] priorityFeatures = space.forestFeatures(fitted.best("priority", parameters.forestTerms()));
        seconds.put("class_scores", secondsSince(t0));

        t0 = System.nanoTime();
        progress.start("Queue forest", -1);
        WekaForestTrainer.Trained queueForest =
                new WekaForestTrainer(parameters.queueForest()).train(forestRows, queueClass, queues, queueFeatures);
        progress.finish(queueForest.forest().numTrees() + " trees, "
                + queueForest.forest().numNodes() + " nodes");
        seconds.put("queue_forest", secondsSince(t0));

        t0 = System.nanoTime();
        progress.start("Priority forest", -1);
        WekaForestTrainer.Trained priorityForest = new WekaForestTrainer(parameters.priorityForest())
                .train(forestRows, priorityClass, priorities, priorityFeatures);
        progress.finish(priorityForest.forest().numTrees() + " trees, "
                + priorityForest.forest().numNodes() + " nodes");
        seconds.put("priority_forest", secondsSince(t0));

        // Calibration and review thresholds on out-of-bag predictions.
        t0 = System.nanoTime();
        double[][] oobQueue = queueForest.outOfBag(forestRows, width);
        double[][] oobPriority = priorityForest.outOfBag(forestRows, width);
        ConfidenceCalibrator queueCalibration = ConfidenceCalibrator.fit(oobQueue, queueClass);
        ConfidenceCalibrator priorityCalibration = ConfidenceCalibrator.fit(oobPriority, priorityClass);
        TargetResults queueResults = results(queues, oobQueue, queueCalibration, queueClass);
        TargetResults priorityResults = results(priorities, oobPriority, priorityCalibration, priorityClass);
        Map<String, Double> thresholds = ReviewThresholds.choose(
                queues,
                queueResults.predictedArray(),
                queueResults.confidenceArray(),
                queueClass,
                parameters.targetPrecision());
        seconds.put("calibration", secondsSince(t0));

        Instant trainedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        BundleEvaluation evaluation = BundleEvaluation.outOfBag(
                Evaluation.evaluate(queueResults, priorityResults, languages, data.skippedRows(), thresholds),
                new EvaluationReport.ByTarget(
                        eceOf(queues, oobQueue, ConfidenceCalibrator.identity(), queueClass),
                        eceOf(priorities, oobPriority, ConfidenceCalibrator.identity(), priorityClass)));
        ModelBundle.Parts parts = new ModelBundle.Parts(
                space,
                queueForest.forest(),
                priorityForest.forest(),
                queueCalibration,
                priorityCalibration,
                thresholds,
                parameters.targetPrecision());
        ModelBundle bundle = ModelBundle.of(parts, trainedAt, provenance(data, trainedAt, seconds), evaluation);
        return new Result(bundle, seconds, queueResults, priorityResults, languages);
    }

    /** Extracts every row's terms into {@code table} on all cores; returns the rows' resolved languages. */
    private List<String> extractAll(TermExtractor extractor, List<TicketRecord> rows, TermTable table)
            throws Exception {
        int threads = Math.max(1, parameters.queueForest().effectiveThreads());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tokenizer");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicLong done = new AtomicLong();
            List<Future<String>> futures = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                TicketRecord row = rows.get(r);
                int index = r;
                futures.add(pool.submit(() -> {
                    TermExtractor.Terms t =
                            extractor.extract(new TicketText(row.subject(), row.body(), row.language()));
                    table.put(index, t.counts());
                    long d = done.incrementAndGet();
                    if (d % 50 == 0) {
                        progress.step(d);
                    }
                    return t.language();
                }));
            }
            List<String> out = new ArrayList<>(rows.size());
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            progress.step(rows.size());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static TargetResults results(
            List<String> labels, double[][] raw, ConfidenceCalibrator calibration, int[] truth) {
        TargetResults results = new TargetResults(labels);
        for (int r = 0; r < raw.length; r++) {
            double[] p = calibration.apply(raw[r]);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            results.add(labels.get(truth[r]), labels.get(best), p[best]);
        }
        return results;
    }

    private static double eceOf(List<String> labels, double[][] raw, ConfidenceCalibrator calibration, int[] truth) {
        TargetResults r = results(labels, raw, calibration, truth);
        int[] t = r.truthArray();
        int[] p = r.predictedArray();
        boolean[] ok = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            ok[i] = t[i] == p[i];
        }
        return Math.round(ConfidenceCalibrator.expectedCalibrationError(r.confidenceArray(), ok, 10) * 10000.0)
                / 10000.0;
    }

    private Provenance provenance(TicketDataset data, Instant trainedAt, Map<String, Double> seconds) {
        List<Provenance.Input> inputs = data.sources().stream()
                .map(s -> new Provenance.Input(s.file(), s.rows(), s.skippedRows(), s.sha256()))
                .toList();
        Provenance.Versions versions = new Provenance.Versions(
                weka.core.Version.VERSION,
                NlpModels.openNlpVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        return new Provenance(
                trainedAt,
                inputs,
                data.size(),
                data.skippedByReason(),
                parameters.describe(),
                versions,
                Collections.unmodifiableMap(new LinkedHashMap<>(seconds)),
                false);
    }

    private static double secondsSince(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    }
}

package io.ticketrouter.cli;

import static picocli.CommandLine.Help.Visibility.ALWAYS;

import io.ticketrouter.classification.bundle.ModelBundle;
import io.ticketrouter.classification.bundle.ModelBundles;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketFiles;
import io.ticketrouter.classification.evaluation.ClassifierEvaluator;
import io.ticketrouter.classification.evaluation.EvaluationReport;
import io.ticketrouter.classification.features.FeatureOptions;
import io.ticketrouter.classification.forest.ForestParameters;
import io.ticketrouter.classification.training.BundleTrainer;
import io.ticketrouter.classification.training.TrainingParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: reads labelled CSV files, trains both forests and writes a bundle directory. */
@Command(
        name = "train",
        description = "Train the queue and priority forests from labelled CSV files and write a model bundle.")
final class TrainCommand implements Callable<Integer> {

    private static final TrainingParameters D = TrainingParameters.defaults();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TicketFilesOption data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle directory to write.")
    Path out;

    @Option(
            names = "--test",
            paramLabel = "FILE",
            description = "Optional held-out tickets (same columns) evaluated into the bundle's evaluation.json.")
    Path test;

    @Option(names = "--trees", paramLabel = "N", description = "Trees per forest.")
    int trees = D.queueForest().trees();

    @Option(names = "--queue-terms", paramLabel = "N", description = "Terms chosen by chi² for the queue forest.")
    int queueTerms = D.queueTerms();

    @Option(names = "--priority-terms", paramLabel = "N", description = "Terms chosen by chi² for the priority forest.")
    int priorityTerms = D.priorityTerms();

    @Option(
            names = "--forest-terms",
            paramLabel = "N",
            description = "Of each target's terms, how many the forest splits on.")
    int forestTerms = D.forestTerms();

    @Option(names = "--features-per-split", paramLabel = "K", description = "Features tried per split, 0 = log2(M)+1.")
    int featuresPerSplit = D.queueForest().featuresPerSplit();

    @Option(names = "--max-depth", paramLabel = "N", description = "Maximum tree depth, 0 = unlimited.")
    int maxDepth = D.queueForest().maxDepth();

    @Option(names = "--min-leaf", paramLabel = "W", description = "Minimum weight per leaf.")
    double minLeaf = D.queueForest().minLeafWeight();

    @Option(
            names = "--bag-rows",
            paramLabel = "N",
            description = "Rows drawn for each tree at most, 0 = as many as the training rows; beyond it trees are"
                    + " built on samples, so their size and time stop growing with the data.")
    int bagRows = D.queueForest().bagRows();

    @Option(names = "--subject-weight", paramLabel = "N", description = "How often subject terms count.")
    int subjectWeight = D.features().subjectWeight();

    @Option(names = "--char-ngrams", paramLabel = "N", description = "Character n-grams 3..N inside words, 0 = off.")
    int charNgrams = D.features().charNgramMax();

    @Option(names = "--stemming", negatable = true, showDefaultValue = ALWAYS, description = "Snowball stemming.")
    boolean stemming = D.features().stemming();

    @Option(
            names = "--class-scores",
            negatable = true,
            showDefaultValue = ALWAYS,
            description = "Cross-fitted naive-Bayes class scores as extra forest features.")
    boolean classScores = D.features().classScores();

    @Option(names = "--score-method", paramLabel = "M", description = "Class scores: ${COMPLETION-CANDIDATES}.")
    io.ticketrouter.classification.features.ClassScores.Method scoreMethod = D.scoreMethod();

    @Option(names = "--balanced", negatable = true, showDefaultValue = ALWAYS, description = "Class-balanced bagging.")
    boolean balanced = D.queueForest().balanced();

    @Option(names = "--min-df", paramLabel = "N", description = "Minimum document frequency of a term.")
    int minDf = D.minDf();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed.")
    int seed = D.queueForest().seed();

    @Option(names = "--threads", paramLabel = "N", description = "Tree-building threads, 0 = all processors.")
    int threads = D.queueForest().threads();

    @Option(
            names = "--target-precision",
            paramLabel = "P",
            description = "Precision the per-queue review thresholds aim for.")
    double targetPrecision = D.targetPrecision();

    @Mixin
    ColumnOptions columns;

    @Option(names = "--no-charts", description = "Skip the PNG charts.")
    boolean noCharts;

    @Option(
            names = "--demo",
            description = "Mark the bundle as a demo model, trained on sample tickets rather than the team's own "
                    + "(agents are told). Training on a copy of data/sample/tickets.csv marks it anyway.")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        TrainingParameters parameters;
        try {
            parameters = new TrainingParameters(
                    new FeatureOptions(subjectWeight, true, charNgrams, stemming, classScores),
                    minDf,
                    D.maxDfRatio(),
                    queueTerms,
                    priorityTerms,
                    forestTerms,
                    scoreMethod,
                    new ForestParameters(trees, featuresPerSplit, maxDepth, minLeaf, seed, balanced, threads, bagRows),
                    new ForestParameters(
                            trees, featuresPerSplit, maxDepth, minLeaf, seed + 1, balanced, threads, bagRows),
                    targetPrecision);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long start = System.nanoTime();
        ConsoleProgress progress = ConsoleProgress.forStderr();
        progress.start("Reading", data.files.size());
        TicketDataset dataset = TicketFiles.read(data.files, columns.columns());
        progress.finish(dataset.size() + " tickets from " + data.files.size() + " file(s), " + dataset.skippedRows()
                + " skipped" + (dataset.skippedRows() > 0 ? " " + dataset.skippedByReason() : ""));
        BundleTrainer.Result result = new BundleTrainer(parameters, progress).train(dataset);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        ModelBundle bundle = result.bundle();
        if (demo || SampleData.contains(dataset)) {
            bundle = bundle.asDemo();
        }
        if (test != null) {
            TicketDataset testData = TicketFiles.read(test, columns.columns());
            progress.start("Evaluating " + test.getFileName(), testData.size());
            EvaluationReport figures = ClassifierEvaluator.evaluate(bundle, testData, progress::step);
            progress.finish(testData.size() + " tickets");
            bundle = bundle.withEvaluation(
                    bundle.evaluation().withTest(test.getFileName().toString(), figures));
        }
        Map<String, byte[]> charts = Map.of();
        if (!noCharts) {
            progress.start("Charts", -1);
            charts = io.ticketrouter.classification.training.TrainingCharts.render(bundle, dataset, result);
            progress.finish(charts.size() + " PNG files");
        }
        ModelBundles.save(bundle, out, charts);
        long bytes;
        try (Stream<Path> files = Files.walk(out)) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        System.out.println("Bundle " + bundle.version() + " written to " + out
                + (bundle.provenance().demo() ? " (a demo model: trained on sample tickets)" : ""));
        System.out.printf(
                Locale.ROOT,
                "  size %.2f MB, training %.1f s wall (%s)%n",
                bytes / 1e6,
                trainSeconds,
                result.secondsPerStage());
        print("out-of-bag", bundle.evaluation().outOfBag());
        if (bundle.evaluation().test() != null) {
            print(bundle.evaluation().testFile(), bundle.evaluation().test());
        }
        return 0;
    }

    private static void print(String what, EvaluationReport figures) {
        EvaluationReport.TargetFigures q = figures.queue();
        EvaluationReport.TargetFigures p = figures.priority();
        System.out.printf(
                Locale.ROOT,
                "  %-12s queue accuracy %s macro-F1 %s ECE %s | priority accuracy %s macro-F1 %s ECE %s%n",
                what,
                q.accuracy(),
                q.macroF1(),
                q.ece(),
                p.accuracy(),
                p.macroF1(),
                p.ece());
    }
}

package io.ticketrouter.classification.evaluation;

import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a classifier over labelled rows exactly as the service would (the row's language is passed
 * when the file has one, otherwise detected) and computes its {@link EvaluationReport}.
 */
public final class ClassifierEvaluator {

    private ClassifierEvaluator() {}

    public static EvaluationReport evaluate(TicketClassifier classifier, TicketDataset data, LongConsumer progress) {
        TargetResults queue = new TargetResults(classifier.info().queues());
        TargetResults priority = new TargetResults(classifier.info().priorities());
        List<String> languages = new ArrayList<>();
        long done = 0;
        for (TicketRecord row : data.records()) {
            Prediction p = classifier.classify(new TicketText(row.subject(), row.body(), row.language()));
            queue.add(row.queue(), p.queue().label(), p.queue().confidence());
            priority.add(row.priority(), p.priority().label(), p.priority().confidence());
            languages.add(p.language());
            if (++done % 50 == 0) {
                progress.accept(done);
            }
        }
        progress.accept(done);
        return Evaluation.evaluate(
                queue,
                priority,
                languages,
                data.skippedRows(),
                classifier.info().queueThresholds());
    }
}

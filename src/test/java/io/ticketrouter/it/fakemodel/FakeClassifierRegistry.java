package io.ticketrouter.it.fakemodel;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.classification.TicketClassifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Replaces the bundle registry with the {@link FakeClassifier} (a globally enabled CDI alternative). */
@Alternative
@Priority(1000)
@ApplicationScoped
public class FakeClassifierRegistry implements ClassifierRegistry {

    private final FakeClassifier classifier = new FakeClassifier();

    @Override
    public TicketClassifier current() {
        return classifier;
    }

    @Override
    public ModelStatus status() {
        return new ModelStatus(classifier.info().directory().toString(), classifier.info(), null);
    }
}

package io.ticketrouter.infrastructure.routing;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.routing.ModelLabels;
import io.ticketrouter.routing.ModelLabelsSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** The queues and priorities of the loaded model bundle, for plugins to check their configuration against. */
@ApplicationScoped
public class ClassifierModelLabels implements ModelLabelsSource {

    @Inject
    ClassifierRegistry classifiers;

    @Override
    public ModelLabels labels() {
        ModelStatus status = classifiers.status();
        if (!status.ready()) {
            return ModelLabels.NONE;
        }
        return new ModelLabels(
                Set.copyOf(status.info().queues()), Set.copyOf(status.info().priorities()));
    }
}

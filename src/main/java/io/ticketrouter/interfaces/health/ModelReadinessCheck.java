package io.ticketrouter.interfaces.health;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once a model bundle is loaded; otherwise DOWN with the reason (no bundle, corrupt, wrong format).
 * {@code /health} is open to anyone (load balancers), so it names no file-system path; admins find the model's
 * directory in {@code GET /api/model}.
 */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    @Inject
    ClassifierRegistry classifiers;

    @Override
    public HealthCheckResponse call() {
        ModelStatus status = classifiers.status();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("model");
        if (status.ready()) {
            return b.up().withData("version", status.info().version()).build();
        }
        return b.down().withData("reason", status.publicReason()).build();
    }
}

package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.application.NewTicket;
import io.ticketrouter.application.RoutingPolicy;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketService;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.domain.model.ticket.TicketContent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Arquillian in-container tests: the built WAR ({@code target/ticket-router.war}, imported as it is, plus the test
 * observer {@link TicketChangedRecorder}) deployed on Payara Micro (see {@code src/test/resources/arquillian.xml}),
 * the test methods running inside the server against the real CDI beans. One server for the whole class.
 *
 * <p>Runs in the H2 failsafe execution only (the deployment's database is configured in arquillian.xml); the
 * black-box tests ({@code ApiIT}, {@code LifecycleIT}, ...) cover PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(
        named = "it.db",
        matches = "postgresql",
        disabledReason = "in-container tests run on the embedded H2 database only")
class ContainerIT {

    @Deployment
    static WebArchive deployment() throws IOException {
        Path target = Path.of(System.getProperty("arq.target", "target"));
        // temp folders of the container adapter (this JVM) and of the server (arquillian.xml cmdOptions)
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Files.createDirectories(target.resolve("it-tmp"));
        Files.createDirectories(target.resolve("arq/data"));
        return ShrinkWrap.create(ZipImporter.class, "ticket-router.war")
                .importFrom(target.resolve("ticket-router.war").toFile())
                .as(WebArchive.class)
                .addClasses(TicketChangedRecorder.class);
    }

    @Inject
    ClassifierRegistry classifiers;

    @Inject
    TicketService tickets;

    @Inject
    RoutingPolicy routingPolicy;

    @Inject
    TicketChangedRecorder recorder;

    @Test
    void classifierBeanHasTheTrainedModelLoaded() {
        ModelStatus status = classifiers.status();
        assertTrue(status.ready(), () -> "model not loaded: " + status.reason());
        assertNotNull(status.info().version());
        assertEquals(
                10,
                status.info().queues().size(),
                () -> "queues: " + status.info().queues());
        assertEquals(
                List.of("high", "low", "medium"),
                status.info().priorities().stream().sorted().toList());
    }

    @Test
    void classifiesAGermanTicket() {
        assertClassified(
                "de",
                "Billing and Payments",
                "Rechnung doppelt abgebucht",
                "Hallo, für das Abo dieses Monats wurde mir der Betrag zweimal von der Kreditkarte abgebucht. "
                        + "Bitte erstatten Sie die doppelte Zahlung und schicken Sie eine korrigierte Rechnung.");
    }

    @Test
    void classifiesASpanishTicket() {
        assertClassified(
                "es",
                "Returns and Exchanges",
                "Quiero devolver un artículo",
                "Buenas tardes, me gustaría devolver el producto que compré hace diez días porque no cumple con lo "
                        + "que esperaba. ¿Cómo consigo la etiqueta de devolución para el reembolso?");
    }

    @Test
    void storedTicketIsPublishedAsCreatedEventWithTheSameReference() throws InterruptedException {
        TicketView stored = tickets.receive(new NewTicket(
                        "Cannot log in",
                        "Since this morning I cannot log in to the portal, it says my password is wrong.",
                        "Arquillian Test",
                        "arquillian@example.com",
                        NewTicket.API))
                .ticket();
        assertNotNull(stored.reference());
        assertTrue(stored.reference().matches("TR-[0-9]{6,18}"), stored.reference());
        assertEquals("open", stored.status());
        assertEquals(stored.reference(), tickets.find(stored.reference()).reference(), "ticket is stored");

        TicketChanged event = recorder.await(TicketChanged.Kind.CREATED, stored.reference(), Duration.ofSeconds(20));
        assertNotNull(event, "no async CREATED TicketChanged event for " + stored.reference() + " within 20 s");
        assertEquals(stored.reference(), event.ticket().reference());
        assertEquals("Cannot log in", event.ticket().subject());
        // no other kind of event for it: nothing changed after the creation
        assertNull(recorder.await(TicketChanged.Kind.UPDATED, stored.reference(), Duration.ofMillis(200)));
    }

    @Test
    void urgentKeywordRuleForcesHighPriorityForADataBreach() {
        // one subject and one low-priority prediction; only the body differs
        Prediction lowPriority = prediction("low");
        Function<String, io.ticketrouter.domain.model.ticket.Routing> routeBody =
                body -> routingPolicy.route(new TicketContent("Suspicious logins", body, null, null), lowPriority);
        io.ticketrouter.domain.model.ticket.Routing routed = routeBody.apply(
                "We think there was a data breach: customer records were downloaded from our account last night.");
        assertEquals("high", routed.priority(), () -> "routing: " + routed);
        assertTrue(routed.urgent(), () -> "routing: " + routed);
        assertTrue(
                routed.decisions().stream()
                        .anyMatch(d -> d.change() != null && d.change().contains("high")),
                () -> "no decision raised the priority: " + routed.decisions());

        // the same prediction without an urgent keyword keeps its priority
        io.ticketrouter.domain.model.ticket.Routing unchanged = routeBody.apply(
                "We noticed a few logins from a new device on our account last night, could you check them?");
        assertEquals("low", unchanged.priority(), () -> "routing: " + unchanged);
        assertFalse(unchanged.urgent(), () -> "routing: " + unchanged);
    }

    private Prediction classify(String subject, String body) {
        TicketClassifier classifier = classifiers.current();
        return classifier.classify(TicketText.of(subject, body));
    }

    /** A confident prediction of the loaded model's first queue with the given priority, in English. */
    private Prediction prediction(String priority) {
        String queue = classifiers.current().info().queues().get(0);
        return new Prediction(
                "en",
                new Prediction.Label(queue, 0.95),
                new Prediction.Label(priority, 0.9),
                Map.of(queue, 0.95),
                Map.of(priority, 0.9),
                List.of(),
                0.1,
                classifiers.current().info().version());
    }

    /** The ticket is classified in this language into this queue, with well-formed confidences. */
    private void assertClassified(String language, String queue, String subject, String body) {
        Prediction p = classify(subject, body);
        assertEquals(language, p.language());
        assertEquals(queue, p.queue().label(), () -> "prediction: " + p);
        assertConfidences(p);
    }

    private static void assertConfidences(Prediction p) {
        double q = p.queue().confidence();
        double pr = p.priority().confidence();
        assertTrue(q > 0 && q <= 1, () -> "queue confidence " + q);
        assertTrue(pr > 0 && pr <= 1, () -> "priority confidence " + pr);
        assertTrue(p.priorityProbabilities().containsKey(p.priority().label()), () -> "prediction: " + p);
        assertEquals(
                1.0,
                p.queueProbabilities().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum(),
                1e-6);
    }
}

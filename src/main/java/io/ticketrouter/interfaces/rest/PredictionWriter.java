package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.PredictionView;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.domain.model.ticket.Keyword;
import io.ticketrouter.domain.model.ticket.RoutingDecision;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Writes the answer of {@code POST /api/predict} with a streaming JSON generator instead of reflective binding:
 * this is the hottest answer of the API (see docs/performance.md). Field names and shapes are exactly those JSON-B
 * would write with the application's snake_case configuration.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class PredictionWriter implements MessageBodyWriter<PredictionView> {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == PredictionView.class;
    }

    @Override
    public void writeTo(
            PredictionView p,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out) {
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            g.writeStartObject();
            string(g, "language", p.language());
            scored(g, "queue", p.queue());
            scored(g, "priority", p.priority());
            probabilities(g, "queue_probabilities", p.queueProbabilities());
            probabilities(g, "priority_probabilities", p.priorityProbabilities());
            g.writeStartArray("keywords");
            if (p.keywords() != null) {
                for (Keyword k : p.keywords()) {
                    g.writeStartObject();
                    string(g, "term", k.term());
                    g.write("weight", k.weight());
                    g.writeEnd();
                }
            }
            g.writeEnd();
            string(g, "recommendation", p.recommendation());
            g.write("needs_review", p.needsReview());
            g.write("review_threshold", p.reviewThreshold());
            g.write("urgent", p.urgent());
            g.writeStartArray("routing");
            if (p.routing() != null) {
                for (RoutingDecision d : p.routing()) {
                    g.writeStartObject();
                    string(g, "rule", d.rule());
                    string(g, "change", d.change());
                    string(g, "reason", d.reason());
                    g.writeEnd();
                }
            }
            g.writeEnd();
            string(g, "model_version", p.modelVersion());
            string(g, "final_queue", p.finalQueue());
            string(g, "final_priority", p.finalPriority());
            g.writeEnd();
        }
    }

    private static void scored(JsonGenerator g, String name, TicketView.Scored s) {
        if (s == null) {
            g.writeNull(name);
            return;
        }
        g.writeStartObject(name);
        string(g, "label", s.label());
        g.write("confidence", s.confidence());
        g.writeEnd();
    }

    private static void probabilities(JsonGenerator g, String name, Map<String, Double> map) {
        g.writeStartObject(name);
        if (map != null) {
            map.forEach((k, v) -> g.write(k, v == null ? 0.0 : v));
        }
        g.writeEnd();
    }

    private static void string(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value);
        }
    }
}

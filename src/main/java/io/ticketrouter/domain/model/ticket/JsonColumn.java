package io.ticketrouter.domain.model.ticket;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prediction's maps and lists as compact JSON text, one column each, so a ticket is read with one row and no
 * joins: {@code {"Billing and Payments": 0.91, ...}}, {@code [{"term": "invoice", "weight": 0.31}, ...]},
 * {@code [{"rule": ..., "change": ..., "reason": ...}, ...]}. Written once, when a ticket is created.
 */
final class JsonColumn {

    private JsonColumn() {}

    /** {@link Probabilities} ⇄ a JSON object of label → probability. */
    @Converter
    public static final class ProbabilitiesConverter implements AttributeConverter<Probabilities, String> {
        @Override
        public String convertToDatabaseColumn(Probabilities value) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            if (value != null) {
                value.byLabel().forEach(b::add);
            }
            return b.build().toString();
        }

        @Override
        public Probabilities convertToEntityAttribute(String column) {
            Map<String, Double> map = new LinkedHashMap<>();
            if (column != null && !column.isBlank()) {
                read(column).asJsonObject().forEach((k, v) -> map.put(k, ((JsonNumber) v).doubleValue()));
            }
            return new Probabilities(map);
        }
    }

    /** {@link Keywords} ⇄ a JSON array of {@code {"term", "weight"}}. */
    @Converter
    public static final class KeywordsConverter implements AttributeConverter<Keywords, String> {
        @Override
        public String convertToDatabaseColumn(Keywords value) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            if (value != null) {
                value.list()
                        .forEach(k -> b.add(
                                Json.createObjectBuilder().add("term", k.term()).add("weight", k.weight())));
            }
            return b.build().toString();
        }

        @Override
        public Keywords convertToEntityAttribute(String column) {
            List<Keyword> list = new ArrayList<>();
            if (column != null && !column.isBlank()) {
                for (JsonValue v : read(column).asJsonArray()) {
                    JsonObject o = v.asJsonObject();
                    list.add(new Keyword(
                            o.getString("term"), o.getJsonNumber("weight").doubleValue()));
                }
            }
            return new Keywords(list);
        }
    }

    /** {@link RoutingTrail} ⇄ a JSON array of {@code {"rule", "change", "reason"}}. */
    @Converter
    public static final class RoutingTrailConverter implements AttributeConverter<RoutingTrail, String> {
        @Override
        public String convertToDatabaseColumn(RoutingTrail value) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            if (value != null) {
                value.decisions()
                        .forEach(d -> b.add(Json.createObjectBuilder()
                                .add("rule", nullToEmpty(d.rule()))
                                .add("change", nullToEmpty(d.change()))
                                .add("reason", nullToEmpty(d.reason()))));
            }
            return b.build().toString();
        }

        @Override
        public RoutingTrail convertToEntityAttribute(String column) {
            List<RoutingDecision> list = new ArrayList<>();
            if (column != null && !column.isBlank()) {
                JsonArray array = read(column).asJsonArray();
                for (JsonValue v : array) {
                    JsonObject o = v.asJsonObject();
                    list.add(new RoutingDecision(
                            o.getString("rule", ""), o.getString("change", ""), o.getString("reason", "")));
                }
            }
            return new RoutingTrail(list);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}

package io.ticketrouter.domain.model.ticket;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The prediction's maps and lists as compact JSON text, one column each, so a ticket is read with one row and no
 * joins: {@code {"Billing and Payments": 0.91, ...}}, {@code [{"term": "invoice", "weight": 0.31}, ...]},
 * {@code [{"rule": ..., "change": ..., "reason": ...}, ...]}. Written once, when a ticket is created.
 */
final class JsonColumn {

    /** Looked up once: {@code jakarta.json.Json}'s static methods scan the class path for it on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonColumn() {}

    /** {@link Probabilities} ⇄ a JSON object of label → probability. */
    @Converter
    public static final class ProbabilitiesConverter implements AttributeConverter<Probabilities, String> {
        @Override
        public String convertToDatabaseColumn(Probabilities value) {
            JsonObjectBuilder b = JSON.createObjectBuilder();
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

    /**
     * A list of values ⇄ a JSON array with one object per value. The concrete converters name
     * {@code AttributeConverter} again with their own types, where JPA providers look for the attribute and column types.
     */
    abstract static class ObjectArrayConverter<C, E> implements AttributeConverter<C, String> {

        private final Function<C, List<E>> elements;
        private final Function<List<E>, C> of;
        private final Function<E, JsonObjectBuilder> write;
        private final Function<JsonObject, E> read;

        ObjectArrayConverter(
                Function<C, List<E>> elements,
                Function<List<E>, C> of,
                Function<E, JsonObjectBuilder> write,
                Function<JsonObject, E> read) {
            this.elements = elements;
            this.of = of;
            this.write = write;
            this.read = read;
        }

        @Override
        public String convertToDatabaseColumn(C value) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            if (value != null) {
                elements.apply(value).forEach(e -> b.add(write.apply(e)));
            }
            return b.build().toString();
        }

        @Override
        public C convertToEntityAttribute(String column) {
            List<E> list = new ArrayList<>();
            if (column != null && !column.isBlank()) {
                for (JsonValue v : read(column).asJsonArray()) {
                    list.add(read.apply(v.asJsonObject()));
                }
            }
            return of.apply(list);
        }
    }

    /** {@link Keywords} ⇄ a JSON array of {@code {"term", "weight"}}. */
    @Converter
    public static final class KeywordsConverter extends ObjectArrayConverter<Keywords, Keyword>
            implements AttributeConverter<Keywords, String> {
        public KeywordsConverter() {
            super(
                    Keywords::list,
                    Keywords::new,
                    k -> JSON.createObjectBuilder().add("term", k.term()).add("weight", k.weight()),
                    o -> new Keyword(
                            o.getString("term"), o.getJsonNumber("weight").doubleValue()));
        }
    }

    /** {@link RoutingTrail} ⇄ a JSON array of {@code {"rule", "change", "reason"}}. */
    @Converter
    public static final class RoutingTrailConverter extends ObjectArrayConverter<RoutingTrail, RoutingDecision>
            implements AttributeConverter<RoutingTrail, String> {
        public RoutingTrailConverter() {
            super(
                    RoutingTrail::decisions,
                    RoutingTrail::new,
                    d -> JSON.createObjectBuilder()
                            .add("rule", nullToEmpty(d.rule()))
                            .add("change", nullToEmpty(d.change()))
                            .add("reason", nullToEmpty(d.reason())),
                    o -> new RoutingDecision(
                            o.getString("rule", ""), o.getString("change", ""), o.getString("reason", "")));
        }
    }

    /** {@link Attachments} ⇄ a JSON array of {@code {"name", "type", "size"}}. */
    @Converter
    public static final class AttachmentsConverter extends ObjectArrayConverter<Attachments, Attachment>
            implements AttributeConverter<Attachments, String> {
        public AttachmentsConverter() {
            super(
                    Attachments::list,
                    Attachments::new,
                    a -> JSON.createObjectBuilder()
                            .add("name", a.name())
                            .add("type", a.type())
                            .add("size", a.size()),
                    o -> new Attachment(
                            o.getString("name", ""),
                            o.getString("type", "application/octet-stream"),
                            o.getJsonNumber("size").longValue()));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}

package io.ticketrouter.domain.model.ticket;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON text for the prediction's maps and lists, stored in one column each: a ticket is read with one row,
 * without joins. Only written when a ticket is created, so the encoding is not on a hot update path.
 */
final class JsonColumns {

    private JsonColumns() {
    }

    static String probabilities(Map<String, Double> map) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (map != null) {
            map.forEach((k, v) -> b.add(k, v == null ? 0.0 : v));
        }
        return b.build().toString();
    }

    static Map<String, Double> probabilities(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        JsonObject object = read(json).asJsonObject();
        Map<String, Double> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, ((JsonNumber) v).doubleValue()));
        return Collections.unmodifiableMap(map);
    }

    static String keywords(List<Keyword> keywords) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        if (keywords != null) {
            keywords.forEach(k -> b.add(Json.createObjectBuilder().add("term", k.term()).add("weight", k.weight())));
        }
        return b.build().toString();
    }

    static List<Keyword> keywords(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Keyword> list = new ArrayList<>();
        for (JsonValue v : read(json).asJsonArray()) {
            JsonObject o = v.asJsonObject();
            list.add(new Keyword(o.getString("term"), o.getJsonNumber("weight").doubleValue()));
        }
        return List.copyOf(list);
    }

    static String routing(List<RoutingDecision> decisions) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        if (decisions != null) {
            decisions.forEach(d -> b.add(Json.createObjectBuilder()
                    .add("rule", nullToEmpty(d.rule())).add("change", nullToEmpty(d.change()))
                    .add("reason", nullToEmpty(d.reason()))));
        }
        return b.build().toString();
    }

    static List<RoutingDecision> routing(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonArray array = read(json).asJsonArray();
        List<RoutingDecision> list = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            JsonObject o = v.asJsonObject();
            list.add(new RoutingDecision(o.getString("rule", ""), o.getString("change", ""), o.getString("reason", "")));
        }
        return List.copyOf(list);
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

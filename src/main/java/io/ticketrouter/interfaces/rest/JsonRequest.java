package io.ticketrouter.interfaces.rest;

/**
 * Marks request records read by {@link JsonRequestReader}: strict JSON with field-level error messages, bound by JSON-B
 * and checked by Bean Validation constraints on the components. Components map to snake_case JSON fields; their types
 * are {@code String}, {@code jakarta.json.JsonArray} or {@code jakarta.json.JsonValue}.
 */
public interface JsonRequest {}

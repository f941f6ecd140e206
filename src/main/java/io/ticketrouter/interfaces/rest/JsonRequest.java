package io.ticketrouter.interfaces.rest;

/**
 * Marks request DTOs (records) read by {@link JsonRequestReader}: strict JSON with field-level error messages.
 * Record components map to snake_case JSON fields; allowed component types are {@code String},
 * {@code jakarta.json.JsonArray} and {@code jakarta.json.JsonValue}.
 */
public interface JsonRequest {}

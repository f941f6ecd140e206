package io.ticketrouter.interfaces.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-B configuration of everything Ticket Router answers (the REST API, the dashboard feed, problem
 * documents): snake_case property names ({@code created_at}, {@code needs_review}) and nulls written out, so clients
 * see every field and a ticket has the same JSON on every channel. Created once; {@link Jsonb} is thread-safe.
 */
public final class ApiJson {

    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    /**
     * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look the provider up again on
     * every call (a {@code ServiceLoader} scan of the web application's class path), which was 11 % of the CPU samples
     * of a {@code POST /api/predict} load: every JSON-P parser, reader, builder and value here comes from this one.
     */
    public static final JsonProvider JSONP = JsonProvider.provider();

    private ApiJson() {}
}

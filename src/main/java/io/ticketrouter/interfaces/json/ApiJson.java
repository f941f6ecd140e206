package io.ticketrouter.interfaces.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * The one JSON-B configuration of everything Ticket Router answers (the REST API, the dashboard feed, problem
 * documents): snake_case property names ({@code created_at}, {@code needs_review}) and nulls written out, so clients
 * see every field and a ticket has the same JSON on every channel. Created once; {@link Jsonb} is thread-safe.
 */
public final class ApiJson {

    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    private ApiJson() {}
}

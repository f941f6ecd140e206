package io.ticketrouter.it.fakeapi;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** {@code /api} with snake_case JSON, as the real application configures it. */
@ApplicationPath("api")
public class FakeApiApplication extends Application {

    @Provider
    public static class SnakeCaseJsonb implements ContextResolver<Jsonb> {
        private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

        @Override
        public Jsonb getContext(Class<?> type) {
            return jsonb;
        }
    }
}

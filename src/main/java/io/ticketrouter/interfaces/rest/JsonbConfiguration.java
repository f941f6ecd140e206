package io.ticketrouter.interfaces.rest;

import io.ticketrouter.interfaces.json.ApiJson;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Hands JAX-RS the shared JSON-B instance ({@link ApiJson}), so every resource answers in the same format. */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return ApiJson.JSONB;
    }
}

package io.ticketrouter.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses bodies over 64 KB by their declared {@code Content-Length} before anything reads them. Bodies without a
 * length (chunked) are cut at the same size by {@link JsonRequestReader}.
 */
@Provider
@PreMatching
public class BodySizeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > JsonRequestReader.MAX_BYTES) {
            // the body is not read: close the connection rather than leave the client sending into it
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(ProblemType.PAYLOAD_TOO_LARGE.response(
                    "the request body must be at most " + JsonRequestReader.MAX_BYTES + " bytes (64 KB), got "
                    + length, null)).header("Connection", "close").build());
        }
    }
}

package io.ticketrouter.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type   a URI reference to the explanation of this kind of problem (a page served by this application)
 * @param title  short, the same for every problem of this type
 * @param status the HTTP status
 * @param detail what was wrong in this request and what is allowed, for example
 *               {@code "body must be 10 to 10000 characters, got 3"}
 * @param field  the request field or parameter at fault, when there is one
 */
@Schema(name = "Problem", description = "An error answer (RFC 9457 problem details)")
public record Problem(
        @Schema(example = "/docs/problems.html#invalid-input")
        String type,

        @Schema(example = "Invalid input") String title,
        @Schema(example = "400") int status,

        @Schema(example = "body must be 10 to 10000 characters, got 3")
        String detail,

        @Schema(example = "body", nullable = true) String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
}

package io.ticketrouter.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new user (POST) or changes to one (PATCH: password and/or role). */
@Schema(name = "UserRequest")
public record UserRequest(
        @Schema(description = "New users only: 1 to 64 characters, letters, digits, . _ - @", example = "agent.smith")
        String username,

        @Schema(description = "12 to 200 characters", example = "correct horse battery staple")
        String password,

        @Schema(
                enumeration = {"agent", "admin"},
                defaultValue = "agent")
        String role)
        implements JsonRequest {}

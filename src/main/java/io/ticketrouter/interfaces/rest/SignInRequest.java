package io.ticketrouter.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** User name and password from the login page (or a program that wants a session token). */
@Schema(name = "SignInRequest")
public record SignInRequest(
        @Schema(example = "agent.smith") @Required(blank = false, message = "is required, with password")
        String username,

        @Schema(example = "correct horse battery staple") @Required
        String password)
        implements JsonRequest {}

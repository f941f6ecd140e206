package io.ticketrouter.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed-in user's new password, with the current one as proof. */
@Schema(name = "PasswordChange")
public record PasswordChangeRequest(
        @Schema(example = "correct horse battery staple") @Required(message = "is required, with new_password")
        String currentPassword,

        @Schema(example = "a longer passphrase of my own") @Required
        String newPassword)
        implements JsonRequest {}

package io.ticketrouter.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API lives under {@code /api}. */
@ApplicationPath("/api")
@SecurityScheme(
        securitySchemeName = "basic",
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "User name and password of an agent or admin (checked once, then cached for a minute)")
@SecurityScheme(
        securitySchemeName = "session",
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.COOKIE,
        apiKeyName = "TR_SESSION",
        description = "The cookie POST /api/session sets (the login page)")
@OpenAPIDefinition(
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "session")},
        info =
                @Info(
                        title = "Ticket Router API",
                        version = "1.0",
                        description = "Classifies multilingual support tickets into departments and priorities, stores "
                                + "them and lets agents correct and work them. Errors are application/problem+json.",
                        license = @License(name = "Apache-2.0")),
        tags = {
            @Tag(name = "Service", description = "What is running"),
            @Tag(name = "Prediction", description = "Classify texts without storing them"),
            @Tag(
                    name = "Tickets",
                    description =
                            "Receive, list, correct and delete tickets. Anyone may send "
                                    + "a ticket and look up its status with its token; the rest needs an agent, deleting an admin"),
            @Tag(name = "Session", description = "Sign in and out (the dashboard's login page)"),
            @Tag(name = "Users", description = "Who may sign in (admins only)")
        })
public class ApiApplication extends Application {

    /**
     * A relative {@code Location} stays relative: Jersey would otherwise make it absolute with the request's
     * {@code Host} header, which the client chooses.
     */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}

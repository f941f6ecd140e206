package io.ticketrouter.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API lives under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Ticket Router API", version = "1.0",
                description = "Classifies multilingual support tickets into departments and priorities, stores "
                        + "them and lets agents correct and work them. Errors are application/problem+json.",
                license = @License(name = "Apache-2.0")),
        tags = {
                @Tag(name = "Service", description = "What is running"),
                @Tag(name = "Prediction", description = "Classify texts without storing them"),
                @Tag(name = "Tickets", description = "Receive, list, correct and delete tickets")})
public class ApiApplication extends Application {
}

package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.application.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api}: what is running, which model, where to go next. */
@Path("")
@ApplicationScoped
@Tag(name = "Service")
@Produces(MediaType.APPLICATION_JSON)
public class ApiRootResource {

    private static final String VERSION = readVersion();

    @Inject
    ClassifierRegistry classifiers;

    @Inject
    TicketService tickets;

    /** The service description. */
    @Schema(name = "ApiInfo")
    public record ApiInfo(
            @Schema(example = "Ticket Router") String name,
            @Schema(example = "1.0.0") String version,
            @Schema(name = "model_ready", example = "true") boolean modelReady,
            @Schema(name = "model_version", nullable = true) String modelVersion,
            @Schema(name = "model_trained_at", nullable = true) Instant modelTrainedAt,
            @Schema(name = "model_problem", nullable = true,
                    description = "Why no model is loaded, when none is") String modelProblem,
            @Schema(description = "Provenance summary of the bundle (input files, parameters, versions)")
            Map<String, Object> provenance,
            Map<String, String> links) {
    }

    @GET
    @Operation(summary = "Describe the service",
            description = "Name, version, the loaded model's version and provenance, and links to the API.")
    @APIResponse(responseCode = "200", description = "The service description",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ApiInfo")))
    public ApiInfo describe() {
        ModelStatus status = classifiers.status();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("predict", "/api/predict");
        links.put("predict_batch", "/api/predict/batch");
        links.put("tickets", "/api/tickets");
        links.put("model", "/api/model");
        links.put("openapi", "/openapi");
        links.put("docs", "/docs/");
        links.put("health", "/health");
        links.put("portal", "/");
        links.put("dashboard", "/agent");
        if (status.ready()) {
            return new ApiInfo("Ticket Router", VERSION, true, status.info().version(), status.info().trainedAt(),
                    null, status.info().provenance(), links);
        }
        return new ApiInfo("Ticket Router", VERSION, false, null, null, status.reason(), Map.of(), links);
    }

    @GET
    @Path("model")
    @Operation(summary = "The loaded model bundle",
            description = "Version, provenance, review thresholds per queue and the held-out evaluation figures.")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "Model")))
    @APIResponse(responseCode = "503", description = "No model is loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ModelView model() {
        return ModelView.of(tickets.model());
    }

    private static String readVersion() {
        try (InputStream in = ApiRootResource.class.getResourceAsStream("/ticket-router-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

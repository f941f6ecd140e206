package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.application.ProductionQuality;
import io.ticketrouter.application.QualityReport;
import io.ticketrouter.application.TicketService;
import io.ticketrouter.classification.ModelInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api}: what is running, which model, where to go next; the model itself, swapping in a new bundle
 * ({@code POST /api/model/reload}) and how the models do in production ({@code GET /api/model/quality}).
 */
@Path("")
@ApplicationScoped
@Access(Access.Who.AGENT)
@Tag(name = "Service")
@Produces(MediaType.APPLICATION_JSON)
public class ApiRootResource {

    private static final String VERSION = readVersion();

    @Inject
    ClassifierRegistry classifiers;

    @Inject
    TicketService tickets;

    @Inject
    ProductionQuality quality;

    /** The service description. */
    @Schema(name = "ApiInfo")
    public record ApiInfo(
            @Schema(example = "Ticket Router") String name,
            @Schema(example = "1.0.0") String version,
            @Schema(name = "model_ready", example = "true") boolean modelReady,
            @Schema(name = "model_version", nullable = true) String modelVersion,

            @Schema(name = "model_trained_at", nullable = true)
            Instant modelTrainedAt,

            @Schema(name = "model_problem", nullable = true, description = "Why no model is loaded, when none is")
            String modelProblem,

            @Schema(
                    name = "model_demo",
                    description = "The model is a demo, trained on sample tickets rather than the team's own")
            boolean modelDemo,

            @Schema(description = "Provenance summary of the bundle (input files, parameters, versions)")
            Map<String, Object> provenance,

            Map<String, String> links) {}

    @GET
    @Access(Access.Who.ANYONE)
    @Operation(
            summary = "Describe the service",
            description = "Name, version, the loaded model's version and provenance, and links to the API.")
    @APIResponse(
            responseCode = "200",
            description = "The service description",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiInfo")))
    public ApiInfo describe(@Context SecurityContext security) {
        ModelStatus status = classifiers.status();
        boolean signedIn = security != null && security.getUserPrincipal() != null;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("predict", "/api/predict");
        links.put("predict_batch", "/api/predict/batch");
        links.put("tickets", "/api/tickets");
        links.put("model", "/api/model");
        links.put("plugins", "/api/plugins");
        links.put("openapi", "/openapi");
        links.put("docs", "/docs/");
        links.put("health", "/health");
        links.put("portal", "/");
        links.put("dashboard", "/agent");
        links.put("session", "/api/session");
        if (status.ready()) {
            // where the model was trained from (file names, parameters) is for signed-in users only
            return new ApiInfo(
                    "Ticket Router",
                    VERSION,
                    true,
                    status.info().version(),
                    status.info().trainedAt(),
                    null,
                    status.info().demo(),
                    signedIn ? status.info().provenance() : Map.of(),
                    links);
        }
        return new ApiInfo(
                "Ticket Router",
                VERSION,
                false,
                null,
                null,
                security != null && security.isUserInRole("admin") ? status.reason() : status.publicReason(),
                false,
                Map.of(),
                links);
    }

    @GET
    @Path("model")
    @Operation(
            summary = "The loaded model bundle",
            description = "Version, provenance, review thresholds per queue and the held-out evaluation figures.")
    @APIResponse(
            responseCode = "200",
            description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Model")))
    @APIResponse(responseCode = "503", description = "No model is loaded")
    public ModelView model(@Context SecurityContext security) {
        return ModelView.of(tickets.model(), security.isUserInRole("admin"));
    }

    @GET
    @Path("model/charts/{name}")
    @Produces("image/png")
    @Operation(
            summary = "One evaluation chart of the loaded bundle (PNG)",
            description = "Names are listed in GET /api/model (charts), for example queue-confusion.png.")
    @APIResponse(responseCode = "200", description = "The chart", content = @Content(mediaType = "image/png"))
    @APIResponse(responseCode = "400", description = "Not a chart name")
    @APIResponse(responseCode = "404", description = "No such chart")
    @APIResponse(responseCode = "503", description = "No model loaded")
    public Response chart(@PathParam("name") String name) {
        if (name == null || !name.matches("[a-z0-9-]{1,64}\\.png")) {
            throw new InvalidInputException(
                    "name",
                    "a chart name is lower-case letters, digits and dashes "
                            + "ending in .png, for example queue-confusion.png");
        }
        ModelInfo info = tickets.model();
        java.nio.file.Path file = info.directory() == null
                ? null
                : info.directory().resolve("charts").resolve(name);
        if (file == null || !Files.isRegularFile(file)) {
            return ProblemType.NOT_FOUND.response(
                    "no chart " + name + " in this bundle; available: " + ModelView.charts(info.directory()), "name");
        }
        return Response.ok(file.toFile(), "image/png")
                .header("Cache-Control", "max-age=3600")
                .build();
    }

    /** The answer to a reload. */
    @Schema(name = "ModelReload")
    public record ReloadView(
            @Schema(description = "The version serving now") String version,

            @Schema(name = "previous_version", nullable = true)
            String previousVersion,

            @Schema(description = "Whether another version serves now")
            boolean changed) {}

    @POST
    @Path("model/reload")
    @Access(Access.Who.ADMIN)
    @Operation(
            summary = "Load the model bundle again and swap it in",
            description = "Reads the bundle in ticketrouter.models.dir, checks it completely and swaps it in; "
                    + "requests in flight finish on the old model. A refused bundle leaves the old one serving. "
                    + "Open dashboards are told either way.")
    @APIResponse(
            responseCode = "200",
            description = "The bundle now serving",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelReload")))
    @APIResponse(responseCode = "422", description = "The bundle was refused; the previous model keeps serving")
    public ReloadView reload() {
        ModelStatus before = classifiers.status();
        String previous = before.ready() ? before.info().version() : null;
        ModelStatus after = classifiers.reload("api");
        String version = after.info().version();
        return new ReloadView(version, previous, !version.equals(previous));
    }

    @GET
    @Path("model/quality")
    @Operation(
            summary = "How the models do in production",
            description = "From the stored tickets (cached for a few seconds): share routed without review, "
                    + "agreement of the agents with the prediction (final label equals predicted) overall, per "
                    + "predicted queue and per model version; classifier latency since the server started.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QualityReport")))
    public QualityReport quality() {
        return quality.report();
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

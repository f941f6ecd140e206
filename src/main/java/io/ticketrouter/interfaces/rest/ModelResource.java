package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The charts of the loaded bundle for the dashboard's model view: {@code GET /api/model/charts} lists the PNG files
 * of the bundle directory, {@code GET /api/model/charts/{name}.png} serves one. Only files found by that listing can
 * be served, so a name can never reach outside the bundle. ({@code GET /api/model} itself is
 * {@link ApiRootResource#model()}.)
 */
@Path("model/charts")
@ApplicationScoped
@Tag(name = "Service")
public class ModelResource {

    private static final Pattern CHART_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** How deep below the bundle directory charts are looked for (for example {@code charts/x.png}). */
    private static final int CHART_DEPTH = 2;

    @Inject
    ClassifierRegistry classifiers;

    /** One chart of the bundle. */
    @Schema(name = "Chart")
    public record Chart(@Schema(example = "confusion_queue") String name,
                        @Schema(example = "/api/model/charts/confusion_queue.png") String href) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Charts of the loaded model bundle",
            description = "The PNG charts the bundle holds (confusion matrices, distributions, accuracy at coverage).")
    @APIResponse(responseCode = "200", description = "The charts, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Chart[].class)))
    @APIResponse(responseCode = "503", description = "No model is loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public List<Chart> charts() {
        return files(loaded()).stream()
                .map(p -> new Chart(chartName(p), "/api/model/charts/" + chartName(p) + ".png"))
                .toList();
    }

    @GET
    @Path("{name}.png")
    @Produces("image/png")
    @Operation(summary = "One chart of the loaded model bundle, as PNG")
    @APIResponse(responseCode = "200", description = "The chart", content = @Content(mediaType = "image/png"))
    @APIResponse(responseCode = "404", description = "The bundle has no such chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response chart(@PathParam("name") String name) throws IOException {
        if (!CHART_NAME.matcher(name).matches()) {
            throw Problems.exception(ProblemType.NOT_FOUND, "chart names are 1 to 100 letters, digits, '.', '_' or '-'"
                    + "; GET /api/model/charts lists them", "name");
        }
        Optional<java.nio.file.Path> file = files(loaded()).stream().filter(p -> chartName(p).equals(name)).findFirst();
        if (file.isEmpty()) {
            throw Problems.exception(ProblemType.NOT_FOUND, "the loaded bundle has no chart '" + name
                    + "'; GET /api/model/charts lists them", "name");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(Files.readAllBytes(file.get()), "image/png").cacheControl(cache).build();
    }

    private ModelStatus loaded() {
        ModelStatus status = classifiers.status();
        if (!status.ready()) {
            throw Problems.exception(ProblemType.MODEL_UNAVAILABLE, status.reason(), null);
        }
        return status;
    }

    /** PNG files of the bundle, sorted by name; empty when the directory is unknown or unreadable. */
    private static List<java.nio.file.Path> files(ModelStatus status) {
        java.nio.file.Path dir = status.info().directory();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<java.nio.file.Path> found = Files.walk(dir, CHART_DEPTH)) {
            return found.filter(p -> p.getFileName().toString().endsWith(".png"))
                    .filter(Files::isRegularFile)
                    .filter(p -> CHART_NAME.matcher(chartName(p)).matches())
                    .sorted(Comparator.comparing(ModelResource::chartName))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String chartName(java.nio.file.Path png) {
        String file = png.getFileName().toString();
        return file.substring(0, file.length() - ".png".length());
    }
}

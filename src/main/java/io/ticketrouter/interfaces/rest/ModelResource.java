package io.ticketrouter.interfaces.rest;

import io.ticketrouter.classification.ModelInfo;
import io.ticketrouter.classification.TicketClassifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dashboard's model view: what the loaded bundle is ({@code GET /api/model}) and its evaluation charts
 * ({@code GET /api/model/charts/{name}.png}), read from the bundle directory. The directory itself is not disclosed.
 */
@Path("model")
@RequestScoped
public class ModelResource {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern CHART_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** How deep below the bundle directory charts are looked for (for example {@code charts/x.png}). */
    private static final int CHART_DEPTH = 2;

    @Inject
    Instance<TicketClassifier> classifiers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response model() {
        Optional<ModelInfo> loaded = info();
        if (loaded.isEmpty()) {
            return noModel();
        }
        ModelInfo info = loaded.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", info.version());
        body.put("format_version", info.formatVersion());
        body.put("trained_at", info.trainedAt() == null ? null : info.trainedAt().toString());
        body.put("queues", info.queues());
        body.put("priorities", info.priorities());
        body.put("queue_thresholds", info.queueThresholds());
        body.put("evaluation", info.evaluation());
        body.put("provenance", info.provenance());
        body.put("charts", charts(info).stream()
                .map(p -> Map.of("name", chartName(p), "href", "model/charts/" + chartName(p) + ".png"))
                .toList());
        return Response.ok(body).build();
    }

    @GET
    @Path("charts/{name}.png")
    @Produces("image/png")
    public Response chart(@PathParam("name") String name) throws IOException {
        if (!CHART_NAME.matcher(name).matches()) {
            return problem(Response.Status.NOT_FOUND, "Unknown chart",
                    "chart names are 1 to 100 letters, digits, '.', '_' or '-'; see GET /api/model for the list");
        }
        Optional<ModelInfo> loaded = info();
        if (loaded.isEmpty()) {
            return noModel();
        }
        Optional<java.nio.file.Path> file = charts(loaded.get()).stream()
                .filter(p -> chartName(p).equals(name)).findFirst();
        if (file.isEmpty()) {
            return problem(Response.Status.NOT_FOUND, "Unknown chart",
                    "the loaded bundle has no chart '" + name + "'; see GET /api/model for the list");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(Files.readAllBytes(file.get()), "image/png").cacheControl(cache).build();
    }

    private Optional<ModelInfo> info() {
        if (!classifiers.isResolvable()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(classifiers.get().info());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** PNG files of the bundle, sorted by name; empty when the directory is unknown or unreadable. */
    private static List<java.nio.file.Path> charts(ModelInfo info) {
        java.nio.file.Path dir = info.directory();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<java.nio.file.Path> files = Files.walk(dir, CHART_DEPTH)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".png"))
                    .filter(Files::isRegularFile)
                    .filter(p -> CHART_NAME.matcher(chartName(p)).matches())
                    .sorted((a, b) -> chartName(a).compareTo(chartName(b)))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String chartName(java.nio.file.Path png) {
        String file = png.getFileName().toString();
        return file.substring(0, file.length() - ".png".length());
    }

    private static Response noModel() {
        return problem(Response.Status.SERVICE_UNAVAILABLE, "No model loaded",
                "the server has no usable model bundle yet; see GET /health/ready for the reason");
    }

    private static Response problem(Response.Status status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getStatusCode());
        body.put("detail", detail);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}

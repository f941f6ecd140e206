package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.application.RoutingPlugins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/plugins}: every routing plugin found, active or not, with its counters; {@code POST
 * /api/plugins/reload}: load them again without restarting (requests already running are not affected).
 */
@Path("plugins")
@Access(Access.Who.AGENT)
@ApplicationScoped
@Tag(name = "Plugins", description = "Routing rules and urgent-keyword lists loaded from plugin jars")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    @Inject
    RoutingPlugins routing;

    /** The plugins of the current load. */
    @Schema(name = "PluginList")
    public record PluginList(
            @Schema(name = "api_version", example = "1.2", description = "Routing SPI version of this server")
            String apiVersion,

            @Schema(description = "Where plugin jars are loaded from (shown to admins only)")
            String directory,

            @Schema(description = "Every plugin found: built-in ones first, then the jars in file-name order")
            List<PluginStatus> plugins,

            @Schema(
                    description =
                            "Problems that are not a single plugin's, for example settings for an unknown " + "plugin")
            List<String> warnings) {}

    @GET
    @Operation(
            summary = "List the routing plugins",
            description = "Name, version, source jar, state (active, failed with the reason, disabled), order, and "
                    + "since the last load: calls, fired, errors, time-outs and the last error.")
    @APIResponse(
            responseCode = "200",
            description = "The plugins",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PluginList")))
    public PluginList list(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        return view(routing.plugins(), security.isUserInRole("admin"));
    }

    @POST
    @Path("reload")
    @Access(Access.Who.ADMIN)
    @Operation(
            summary = "Reload the routing plugins",
            description = "Reads the plugin directory and the plugin configuration again and swaps the loaded "
                    + "plugins atomically; requests already running finish with the previous ones. Counters start "
                    + "again from zero.")
    @APIResponse(
            responseCode = "200",
            description = "The plugins after the reload",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PluginList")))
    public PluginList reload() {
        return view(routing.reload(), true);
    }

    /** File-system paths are for admins only: they tell an attacker where to look. */
    private PluginList view(List<PluginStatus> plugins, boolean admin) {
        return new PluginList(
                routing.apiVersion(), admin ? routing.pluginDirectory().toString() : null, plugins, routing.warnings());
    }
}

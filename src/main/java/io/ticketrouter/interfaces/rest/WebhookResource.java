package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.WebhookDeliveries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/webhooks}: admins see how the ticket events went out to the configured receivers and send failed ones
 * again (README, "Connecting a helpdesk").
 */
@Path("webhooks")
@RequestScoped
@Tag(name = "Webhooks")
@Access(Access.Who.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    WebhookDeliveries deliveries;

    @GET
    @Path("deliveries")
    @Operation(
            summary = "List webhook deliveries (admin)",
            description = "One delivery per event and receiver, newest first, with the attempts made, the last "
                    + "status or error and when it is tried next. Also: the counts per state, the receivers and "
                    + "what is wrong with the webhook configuration.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "Unknown state, bad cursor or limit")
    public WebhookDeliveries.Page list(
            @Parameter(description = "pending, delivered or failed") @QueryParam("state") String state,
            @Parameter(description = "A delivery id: the page after it (next_before of the page before)")
                    @QueryParam("before")
                    String before,
            @Parameter(
                            description = "1 to " + WebhookDeliveries.PAGE_MAX + ", default "
                                    + WebhookDeliveries.PAGE_DEFAULT)
                    @QueryParam("limit")
                    String limit) {
        return deliveries.list(
                state,
                before,
                TicketResource.parseLimit(limit, WebhookDeliveries.PAGE_DEFAULT, WebhookDeliveries.PAGE_MAX));
    }

    @POST
    @Path("deliveries/{id}/retry")
    @Operation(
            summary = "Send a delivery again (admin)",
            description = "A failed or pending delivery is sent again now, with a fresh retry schedule. The receiver "
                    + "gets the same event id as before.")
    @APIResponse(responseCode = "200", description = "It will be sent now")
    @APIResponse(responseCode = "400", description = "Not a delivery id, or delivered already")
    @APIResponse(responseCode = "404", description = "No such delivery")
    public WebhookDeliveries.DeliveryView retry(@PathParam("id") String id) {
        return deliveries.retry(id);
    }

    @POST
    @Path("deliveries/retry")
    @Operation(summary = "Send every failed delivery again (admin)")
    @APIResponse(responseCode = "200", description = "How many were put back: {\"retried\": n}")
    public Map<String, Integer> retryFailed(
            @Parameter(description = "failed (the only state that can be sent again in bulk)") @QueryParam("state")
                    String state) {
        if (state != null && !state.isBlank() && !"failed".equals(state.strip())) {
            throw new InvalidInputException(
                    "state", "state must be failed (or left out), got \"" + JsonRequestReader.abbreviate(state) + "\"");
        }
        return Map.of("retried", deliveries.retryFailed());
    }
}

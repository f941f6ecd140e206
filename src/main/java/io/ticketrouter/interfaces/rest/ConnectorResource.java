package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.HelpdeskConnectors;
import io.ticketrouter.application.HelpdeskService;
import io.ticketrouter.application.TicketView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/connectors/{name}/webhook}: a helpdesk sends its new tickets here (no sign-in; the connector checks the
 * helpdesk's own signature). README, "Connecting a helpdesk".
 */
@Path("connectors")
@RequestScoped
@Tag(name = "Helpdesk connectors")
@Access(Access.Who.ANYONE)
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorResource {

    /** Largest call a helpdesk may send: its whole ticket with the first article (HTML included). */
    static final int MAX_BYTES = 1024 * 1024;

    @Inject
    HelpdeskService helpdesk;

    @Context
    HttpHeaders headers;

    /** What the helpdesk is answered. */
    public record Answer(String result, String reference, String reason, TicketRouting routing) {}

    /** Where the ticket went, for a helpdesk (or a person reading its webhook log). */
    public record TicketRouting(
            String queue,
            double queueConfidence,
            String priority,
            double priorityConfidence,
            boolean needsReview,
            boolean urgent) {

        static TicketRouting of(TicketView t) {
            return new TicketRouting(
                    t.finalQueue(),
                    t.queue().confidence(),
                    t.finalPriority(),
                    t.priority().confidence(),
                    t.needsReview(),
                    t.urgent());
        }
    }

    @POST
    @Path("{name}/webhook")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "A helpdesk's ticket (helpdesk connectors)",
            description = "Called by the helpdesk (for Zammad: a trigger's webhook), not by people. The connector "
                    + "plugin of that name checks the helpdesk's signature and reads its payload; the ticket is "
                    + "classified, routed and stored, and the routing is written back to the helpdesk. A ticket the "
                    + "helpdesk sent before (a redelivery) answers 200 with the ticket it made then.")
    @APIResponse(responseCode = "201", description = "Classified, routed and stored")
    @APIResponse(responseCode = "200", description = "Sent before (result existing), or no ticket in it (ignored)")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature: nothing stored")
    @APIResponse(responseCode = "404", description = "No connector of that name is installed")
    @APIResponse(responseCode = "413", description = "Body over 1 MB")
    @APIResponse(responseCode = "503", description = "The connector failed or no model is loaded; send again later")
    public Response webhook(@PathParam("name") String name, InputStream body) {
        byte[] bytes = read(body);
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> all.put(k, List.copyOf(v)));
        HelpdeskService.Receipt receipt;
        try {
            receipt = helpdesk.receive(name, all, bytes);
        } catch (HelpdeskService.UnknownConnectorException e) {
            return ProblemType.NOT_FOUND.response(e.getMessage(), "name");
        } catch (HelpdeskService.RefusedException e) {
            return ProblemType.UNAUTHORIZED.response(
                    "the helpdesk's signature is missing or wrong (" + e.getMessage() + "); nothing was stored", null);
        } catch (HelpdeskConnectors.ConnectorFailureException e) {
            return Response.fromResponse(ProblemType.SERVICE_UNAVAILABLE.response(e.getMessage(), null))
                    .header("Retry-After", "30")
                    .build();
        }
        TicketView t = receipt.ticket();
        Answer answer = new Answer(
                receipt.result().name().toLowerCase(java.util.Locale.ROOT),
                t == null ? null : t.reference(),
                receipt.reason(),
                t == null ? null : TicketRouting.of(t));
        return Response.status(receipt.result() == HelpdeskService.Receipt.Result.CREATED ? 201 : 200)
                .entity(answer)
                .build();
    }

    private static byte[] read(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw Problems.exception(ProblemType.PAYLOAD_TOO_LARGE, "a helpdesk's call must be at most 1 MB", null);
            }
            return bytes;
        } catch (IOException e) {
            throw Problems.exception(ProblemType.REQUEST_TIMEOUT, "the request body could not be read", null);
        }
    }
}

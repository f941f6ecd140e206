package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.NewTicket;
import io.ticketrouter.application.ReceivedTicket;
import io.ticketrouter.application.SimilarTickets;
import io.ticketrouter.application.TicketFilter;
import io.ticketrouter.application.TicketNotFoundException;
import io.ticketrouter.application.TicketPage;
import io.ticketrouter.application.TicketService;
import io.ticketrouter.application.TicketStatusView;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.interfaces.json.ApiJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets: receive, list, read, correct and delete. */
@Path("tickets")
@RequestScoped
@Access(Access.Who.AGENT)
@Tag(name = "Tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private static final String REFERENCE_DOC = "Ticket reference: TR- followed by 6 to 18 digits";

    /** The header with which the portal page says a ticket comes from it. */
    static final String CHANNEL_HEADER = "X-TicketRouter-Channel";

    @Inject
    TicketService tickets;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    /**
     * The address customers and agents reach this server at ({@code https://support.example.com}), for absolute
     * {@code Location} headers; unset, they are relative ({@code /api/tickets/TR-000042}). Never taken from the
     * request's {@code Host}, which the client chooses.
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "ticketrouter.public-url")
    java.util.Optional<String> publicUrl;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Access.Who.ANYONE)
    @RateLimited
    @Operation(
            summary = "Receive a ticket",
            description = "Classifies and routes the ticket, stores it (committed before the answer) and answers "
                    + "201 with its Location and the stored ticket; dashboards are notified. Open to anyone: "
                    + "anonymous callers may send ticketrouter.ratelimit.tickets-per-minute tickets a minute per "
                    + "address (20 by default), then get 429 with Retry-After. An anonymous caller (the customer) "
                    + "gets a TicketReceipt: reference, subject, status, team and times, and the status_token, "
                    + "given only here, that lets the customer look up the status later (GET "
                    + "/api/tickets/{reference}/status). A signed-in agent gets the whole TicketView (prediction, "
                    + "probabilities, keywords, routing, history) with the status_token.")
    @RequestBody(required = true)
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location points to the ticket. Anonymous callers get "
                    + "the TicketReceipt, signed-in agents the TicketView with status_token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(oneOf = {TicketReceipt.class, TicketView.class})))
    @APIResponse(
            responseCode = "400",
            description = "Missing or invalid field (control characters, bidirectional "
                    + "overrides, too few visible characters, malformed e-mail), malformed JSON, a key given twice, a "
                    + "number too long")
    @APIResponse(responseCode = "413", description = "Body over 64 KB")
    @APIResponse(
            responseCode = "415",
            description = "Not JSON, or a charset other than UTF-8, UTF-16 and " + "ISO-8859-1")
    @APIResponse(responseCode = "429", description = "Too many tickets from this address; see Retry-After")
    @APIResponse(responseCode = "503", description = "No model loaded")
    public Response receive(
            CreateTicketRequest request,
            @Parameter(
                            description = "portal when the portal page sends the ticket (recorded as its channel);"
                                    + " any other value or none: api")
                    @HeaderParam(CHANNEL_HEADER)
                    String channel) {
        if (request == null) {
            throw new InvalidInputException(
                    "body", "the request body is empty: send {\"subject\": ..., \"body\": ...}");
        }
        ReceivedTicket received = tickets.receive(request.toNewTicket(channel));
        TicketView ticket = received.ticket();
        String base = publicUrl.map(u -> u.strip().replaceAll("/+$", "")).orElse("");
        URI location = URI.create(base + uriInfo.getBaseUri().getRawPath() + "tickets/" + ticket.reference());
        String body;
        if (security == null || security.getUserPrincipal() == null) {
            // a customer: the receipt, nothing of the model's internals
            body = ApiJson.JSONB.toJson(TicketReceipt.of(TicketStatusView.of(ticket), received.statusToken()));
        } else {
            // an agent: the ticket as everywhere else, plus the status token that only this answer carries
            try (JsonReader r = ApiJson.JSONP.createReader(new StringReader(ApiJson.JSONB.toJson(ticket)))) {
                body = ApiJson.JSONP
                        .createObjectBuilder(r.readObject())
                        .add("status_token", received.statusToken())
                        .build()
                        .toString();
            }
        }
        return Response.created(location)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("{reference}/status")
    @Access(Access.Who.ANYONE)
    @Operation(
            summary = "A customer looks up their ticket's status",
            description = "Open to anyone who has both the reference and the status_token the submission answered "
                    + "with (header X-Status-Token). Answers only the status, the team and the times. A wrong token "
                    + "and an unknown reference answer the same 404.")
    @APIResponse(
            responseCode = "200",
            description = "The status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketStatusView.class)))
    @APIResponse(responseCode = "400", description = "No token sent")
    @APIResponse(responseCode = "404", description = "No ticket with this reference and token")
    public Response status(
            @Parameter(description = REFERENCE_DOC, example = "TR-000042") @PathParam("reference") String reference,
            @Parameter(description = "The status_token from the submission's answer") @HeaderParam("X-Status-Token")
                    String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException(
                    "X-Status-Token",
                    "send the status token you got with the reference " + "in the X-Status-Token header");
        }
        try {
            TicketStatusView status = tickets.status(reference, token.trim());
            return Response.ok(status).header("Cache-Control", "no-store").build();
        } catch (TicketNotFoundException e) {
            return ProblemType.NOT_FOUND.response(
                    "no ticket with this reference and status token: check both", "reference");
        }
    }

    @POST
    @Path("receive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Access.Who.ANYONE)
    @RateLimited
    @Operation(summary = "Receive a ticket (alias of POST /api/tickets for clients of the old service)")
    @RequestBody(required = true)
    @APIResponse(
            responseCode = "201",
            description = "Stored; as POST /api/tickets (receipt or whole ticket)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(oneOf = {TicketReceipt.class, TicketView.class})))
    @APIResponse(responseCode = "400", description = "Missing or invalid field, malformed JSON")
    @APIResponse(responseCode = "503", description = "No model loaded")
    public Response receiveAlias(CreateTicketRequest request) {
        return receive(request, NewTicket.API);
    }

    @GET
    @Operation(
            summary = "List tickets, newest first",
            description = "Filters combine with AND. Queue and priority match the values after agent corrections. "
                    + "Use before= with next_before to page back in time, after= to catch up on tickets created "
                    + "after one you have (pages then hold the oldest missed tickets first in time, shown newest "
                    + "first; continue with next_after).")
    @APIResponse(
            responseCode = "200",
            description = "A page of tickets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TicketList")))
    @APIResponse(responseCode = "400", description = "A filter value is not allowed")
    public TicketListResponse list(
            @Parameter(description = "Department (after corrections)", example = "Technical Support")
                    @QueryParam("queue")
                    String queue,
            @Parameter(
                            description = "Priority (after corrections)",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"high", "medium", "low"}))
                    @QueryParam("priority")
                    String priority,
            @Parameter(
                            description = "Status",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"open", "in_progress", "resolved"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "ISO 639-1 language code", example = "de") @QueryParam("language") String language,
            @Parameter(
                            description = "Only tickets that need (true) or do not need (false) review",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("needs_review")
                    String needsReview,
            @Parameter(
                            description =
                                    "Where the tickets came from: ticketrouter (made here: the portal, the API, an"
                                            + " import) or the name of the helpdesk connector they came through",
                            example = "zammad")
                    @QueryParam("source")
                    String source,
            @Parameter(
                            description = "How the tickets came in: portal, api, email, helpdesk or import",
                            example = "email")
                    @QueryParam("channel")
                    String channel,
            @Parameter(description = "Text to find in subject or body (case-insensitive), at most 200 characters")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "Catch up: tickets created after this reference", example = "TR-000042")
                    @QueryParam("after")
                    String after,
            @Parameter(description = "Page back: tickets created before this reference", example = "TR-000042")
                    @QueryParam("before")
                    String before,
            @Parameter(
                            description = "Page size, 1 to " + TicketService.PAGE_MAX + " (default "
                                    + TicketService.PAGE_DEFAULT + ")",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + TicketService.PAGE_MAX,
                                            defaultValue = "" + TicketService.PAGE_DEFAULT))
                    @QueryParam("limit")
                    String limit) {
        int size = parseLimit(limit);
        Boolean review = parseBoolean("needs_review", needsReview);
        TicketPage page = tickets.list(
                new TicketFilter(queue, priority, status, language, review, source, channel, q, after, before, size));
        String next = null;
        if (page.nextBefore() != null || page.nextAfter() != null) {
            UriBuilder b = uriInfo.getRequestUriBuilder().replaceQueryParam("limit", size);
            if (page.nextBefore() != null) {
                b.replaceQueryParam("before", page.nextBefore());
            } else {
                b.replaceQueryParam("after", page.nextAfter());
            }
            URI uri = b.build();
            next = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return new TicketListResponse(page.items(), page.items().size(), page.nextBefore(), page.nextAfter(), next);
    }

    @GET
    @Path("{reference}")
    @Operation(summary = "Read one ticket", description = "With its prediction, corrections and history.")
    @APIResponse(
            responseCode = "200",
            description = "The ticket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TicketView")))
    @APIResponse(responseCode = "400", description = "The reference is not of the form TR-000042")
    @APIResponse(responseCode = "404", description = "No such ticket")
    public TicketView get(
            @Parameter(description = REFERENCE_DOC, example = "TR-000042") @PathParam("reference") String reference) {
        return tickets.find(reference);
    }

    @GET
    @Path("{reference}/similar")
    @Operation(
            summary = "The stored tickets most like this one",
            description = "Most similar first (cosine similarity of the two texts' TF-IDF term vectors, 0 to 1; "
                    + "resolved tickets first on equal similarity), each with where it went, its status and its "
                    + "answer or last note; a summary of where they went; the answer of the most similar answered "
                    + "ticket as a suggested reply (never sent by itself). complete is false while the index is "
                    + "still catching up with the database after a start.")
    @APIResponse(
            responseCode = "200",
            description = "The similar tickets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SimilarTickets")))
    @APIResponse(
            responseCode = "400",
            description = "The reference is not of the form TR-000042, or limit not 1 to " + TicketService.SIMILAR_MAX)
    @APIResponse(responseCode = "404", description = "No such ticket")
    public SimilarTickets similar(
            @Parameter(description = REFERENCE_DOC, example = "TR-000042") @PathParam("reference") String reference,
            @Parameter(
                            description = "How many, 1 to " + TicketService.SIMILAR_MAX,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + TicketService.SIMILAR_MAX,
                                            defaultValue = "" + TicketService.SIMILAR_DEFAULT))
                    @QueryParam("limit")
                    String limit) {
        return tickets.similar(reference, parseLimit(limit, TicketService.SIMILAR_DEFAULT, TicketService.SIMILAR_MAX));
    }

    @PATCH
    @Path("{reference}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a ticket (agent)",
            description = "Set the queue or priority (kept as corrections next to the prediction, which is never "
                    + "overwritten), the status, or add a note. Every change is recorded in the history. Concurrent "
                    + "changes of one ticket are applied one after the other, each to the ticket as the one before "
                    + "left it; a change that keeps losing that race answers 409 with the current ticket, a change "
                    + "racing a delete that won answers 404.")
    @RequestBody(required = true)
    @APIResponse(
            responseCode = "200",
            description = "The ticket after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TicketView")))
    @APIResponse(responseCode = "400", description = "A value is not allowed, or nothing to change")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(
            responseCode = "409",
            description = "Other changes of the ticket kept winning; nothing was "
                    + "changed; the problem's member current holds the ticket as it is now")
    public TicketView update(
            @Parameter(description = REFERENCE_DOC, example = "TR-000042") @PathParam("reference") String reference,
            UpdateTicketRequest request) {
        if (request == null) {
            throw new InvalidInputException(
                    null, "the request body is empty: send at least one of queue, " + "priority, status, note");
        }
        return tickets.update(reference, request.toChanges(), actor());
    }

    @POST
    @Path("{reference}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reply to the customer (agent)",
            description = "Sends the reply by mail to the ticket's customer, threaded to their mails (subject "
                    + "[TR-000123] Re: ..., so their answer comes back to this ticket), and keeps it in the history. "
                    + "The mail goes out through the outbox: a mail server that is away delays it, never loses it.")
    @RequestBody(required = true)
    @APIResponse(
            responseCode = "201",
            description = "The ticket with the reply in its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TicketView")))
    @APIResponse(responseCode = "400", description = "No text, too long, or the ticket has no customer address")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "503", description = "Outgoing mail is not configured")
    public Response reply(
            @Parameter(description = REFERENCE_DOC, example = "TR-000042") @PathParam("reference") String reference,
            ReplyRequest request) {
        if (request == null || request.text() == null) {
            throw new InvalidInputException("text", "the request body is empty: send {\"text\": ...}");
        }
        TicketView ticket = tickets.reply(reference, request.normalized(), actor());
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ticket)
                .build();
    }

    @DELETE
    @Path("{reference}")
    @Access(Access.Who.ADMIN)
    @Operation(
            summary = "Delete a ticket",
            description = "Removes it; dashboards are notified. A delete racing "
                    + "changes of the ticket is applied after them; once it answered 204 the ticket stays gone (a change "
                    + "still in flight answers 404).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The reference is not of the form TR-000042")
    @APIResponse(responseCode = "404", description = "No such ticket")
    public Response delete(
            @Parameter(description = REFERENCE_DOC, example = "TR-000042") @PathParam("reference") String reference) {
        tickets.delete(reference, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return security != null && security.getUserPrincipal() != null
                ? security.getUserPrincipal().getName()
                : "anonymous";
    }

    private static int parseLimit(String limit) {
        return parseLimit(limit, TicketService.PAGE_DEFAULT, TicketService.PAGE_MAX);
    }

    static int parseLimit(String limit, int fallback, int max) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "limit", "limit must be a whole number from 1 to " + max + ", got \"" + abbreviate(limit) + "\"");
        }
    }

    private static Boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if ("true".equalsIgnoreCase(value.trim())) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(value.trim())) {
            return Boolean.FALSE;
        }
        throw new InvalidInputException(name, name + " must be true or false, got \"" + abbreviate(value) + "\"");
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
    }
}

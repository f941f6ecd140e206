package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.TicketView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of tickets, newest first, with the cursors for the next page. */
@Schema(name = "TicketList")
public record TicketListResponse(
        List<TicketView> items,
        @Schema(example = "50") int count,

        @Schema(
                name = "next_before",
                nullable = true,
                example = "TR-000101",
                description = "Older tickets remain: pass this as before= for the next page")
        String nextBefore,

        @Schema(
                name = "next_after",
                nullable = true,
                example = "TR-000151",
                description = "When catching up with after=: newer tickets remain, pass this as after=")
        String nextAfter,

        @Schema(
                nullable = true,
                example = "/api/tickets?before=TR-000101&limit=50",
                description = "URL of the next page, or null")
        String next) {}

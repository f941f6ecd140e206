package io.ticketrouter.interfaces.json;

import io.ticketrouter.application.OutgoingMail;
import io.ticketrouter.application.TicketEvent;
import io.ticketrouter.application.TicketEventJson;
import jakarta.enterprise.context.ApplicationScoped;

/** A webhook event in the API's JSON: the {@code ticket} inside is exactly what {@code GET /api/tickets/{ref}} answers. */
@ApplicationScoped
public class ApiTicketEventJson implements TicketEventJson {

    @Override
    public String json(TicketEvent event) {
        return ApiJson.JSONB.toJson(event);
    }

    @Override
    public TicketEvent read(String json) {
        return ApiJson.JSONB.fromJson(json, TicketEvent.class);
    }

    @Override
    public String json(OutgoingMail mail) {
        return ApiJson.JSONB.toJson(mail);
    }

    @Override
    public OutgoingMail readMail(String json) {
        return ApiJson.JSONB.fromJson(json, OutgoingMail.class);
    }
}

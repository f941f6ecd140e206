package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.MailQuarantine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/mail}: admins see the mails the e-mail channel moved to the mailbox's quarantine folder. */
@Path("mail")
@RequestScoped
@Tag(name = "E-mail")
@Access(Access.Who.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    /** Listed when the caller does not say how many. */
    static final int LIMIT_DEFAULT = 100;

    @Inject
    MailQuarantine quarantine;

    /** The quarantine's mails and the folder they are in (null when the mailbox is not read). */
    public record QuarantineList(String folder, List<MailQuarantine.QuarantinedMail> items) {}

    @GET
    @Path("quarantine")
    @Operation(
            summary = "List the quarantined mails (admin)",
            description = "Mails the e-mail channel could not take (over the size limit, unreadable, failing again "
                    + "and again), newest first: when, from whom, subject, size, why and the Message-ID to find them "
                    + "in the mailbox's quarantine folder.")
    @APIResponse(responseCode = "200", description = "The quarantined mails")
    @APIResponse(responseCode = "400", description = "A limit that is not 1 to 500")
    public QuarantineList quarantine(
            @Parameter(description = "1 to " + MailQuarantine.LIST_MAX + ", default " + LIMIT_DEFAULT)
                    @QueryParam("limit")
                    String limit) {
        return new QuarantineList(
                quarantine.folder(),
                quarantine.list(TicketResource.parseLimit(limit, LIMIT_DEFAULT, MailQuarantine.LIST_MAX)));
    }
}

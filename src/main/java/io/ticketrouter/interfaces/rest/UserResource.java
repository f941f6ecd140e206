package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.AccountService;
import io.ticketrouter.application.AccountView;
import io.ticketrouter.application.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/users}: admins manage who may sign in ({@code ./ticket-router users} does the same offline). */
@Path("users")
@RequestScoped
@Tag(name = "Users")
@Access(Access.Who.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    AccountService accounts;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List users (admin)")
    public Map<String, List<AccountView>> list() {
        return Map.of("items", accounts.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a user (admin)",
            description = "Role agent (default) or admin; password 12 to 200 " + "characters, stored as a PBKDF2 hash.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Name, password or role not allowed")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response add(UserRequest body) {
        if (body == null) {
            throw new InvalidInputException(
                    null, "send {\"username\": ..., \"password\": ..., \"role\": " + "\"agent\"|\"admin\"}");
        }
        AccountView user = accounts.add(body.username(), body.password(), body.role());
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("users")
                        .path(user.username())
                        .build())
                .entity(user)
                .build();
    }

    @PATCH
    @Path("{username}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a user's password or role (admin)",
            description = "A new password signs the user out everywhere. The last admin keeps the admin role.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "Would leave no admin")
    public AccountView change(@PathParam("username") String username, UserRequest body) {
        if (body == null) {
            throw new InvalidInputException(null, "send {\"password\": ...} and/or {\"role\": ...}");
        }
        if (body.username() != null && !body.username().equals(username)) {
            throw new InvalidInputException("username", "a user cannot be renamed; add a new user instead");
        }
        return accounts.change(username, body.password(), body.role());
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Remove a user (admin)", description = "Their sessions end; the last admin stays.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The last admin")
    public Response remove(@PathParam("username") String username) {
        accounts.remove(username);
        return Response.noContent().build();
    }
}

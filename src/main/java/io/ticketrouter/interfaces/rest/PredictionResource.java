package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.PredictionView;
import io.ticketrouter.application.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Classifies texts without storing anything. */
@Path("predict")
@Access(Access.Who.AGENT)
@ApplicationScoped
@Tag(name = "Prediction")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PredictionResource {

    @Inject
    TicketService tickets;

    @POST
    @Operation(
            summary = "Classify one text",
            description = "Department (queue) and priority with their confidence and full probability maps, the "
                    + "language, the words that drove the decision, a recommendation and whether a human should "
                    + "review it (queue confidence below the model's threshold for that queue); with \"similar\": true also the "
                    + "stored tickets most like the text, as GET /api/tickets/{reference}/similar gives them.")
    @RequestBody(required = true)
    @APIResponse(
            responseCode = "200",
            description = "The prediction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PredictionView")))
    @APIResponse(responseCode = "400", description = "Missing or invalid field, malformed JSON")
    @APIResponse(responseCode = "413", description = "Body over 64 KB")
    @APIResponse(responseCode = "415", description = "Not JSON")
    @APIResponse(responseCode = "503", description = "No model loaded")
    public PredictionView predict(PredictRequest request) {
        if (request == null) {
            throw new InvalidInputException(
                    "body", "the request body is empty: send {\"subject\": ..., \"body\": ...}");
        }
        return tickets.predict(request.subjectLine(), request.message(), request.similarAsked());
    }

    @POST
    @Path("batch")
    @Operation(
            summary = "Classify up to 100 texts",
            description = "Answers one entry per item in the order sent. A bad item gets a problem in its entry "
                    + "and does not fail the others.")
    @RequestBody(required = true)
    @APIResponse(
            responseCode = "200",
            description = "One answer per item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BatchPredictResponse")))
    @APIResponse(responseCode = "400", description = "items missing, empty or more than 100")
    @APIResponse(responseCode = "503", description = "No model loaded")
    public BatchPredictResponse batch(BatchPredictRequest request) {
        if (request == null) {
            RequestValidation.check(new BatchPredictRequest(null)); // says what items must be
        }
        int n = request.items().size();
        tickets.model(); // 503 for the whole batch when no model is loaded
        List<BatchPredictResponse.Item> answers = new ArrayList<>(n);
        int failed = 0;
        for (int i = 0; i < n; i++) {
            JsonValue item = request.items().get(i);
            try {
                PredictRequest r = JsonRequestReader.bind(PredictRequest.class, item, "items[" + i + "]");
                answers.add(new BatchPredictResponse.Item(
                        i, tickets.predict(r.subjectLine(), r.message(), r.similarAsked()), null));
            } catch (InvalidInputException e) {
                failed++;
                answers.add(new BatchPredictResponse.Item(
                        i, null, ProblemType.INVALID_INPUT.problem(e.getMessage(), e.field())));
            } catch (Problems.ProblemException e) {
                failed++;
                answers.add(new BatchPredictResponse.Item(i, null, e.problem()));
            }
        }
        return new BatchPredictResponse(answers, n - failed, failed);
    }
}

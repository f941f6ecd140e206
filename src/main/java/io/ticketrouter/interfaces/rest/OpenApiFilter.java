package io.ticketrouter.interfaces.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the OpenAPI document say what the API really sends: property names in snake_case (the JSON-B naming
 * strategy the scanner does not know about), timestamps as ISO-8601 strings, and every error answer as a
 * {@code application/problem+json} {@code Problem} (so a resource method declares an error by its status and
 * description only). Registered with {@code mp.openapi.filter}.
 */
public class OpenApiFilter implements OASFilter {

    /** Every 4xx and 5xx answer of the API is a problem document; those declared without content get it here. */
    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null && responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (response != null
                        && response.getRef() == null
                        && isError(status)
                        && (response.getContent() == null
                                || response.getContent().getMediaTypes() == null
                                || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(OASFactory.createContent()
                            .addMediaType(
                                    Problem.MEDIA_TYPE,
                                    OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
                }
            });
        }
        return operation;
    }

    static boolean isError(String status) {
        return status != null && (status.startsWith("4") || status.startsWith("5")) && status.length() == 3;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null && !properties.isEmpty()) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            properties.forEach((name, property) -> {
                String snake = JsonRequestReader.snakeCase(name);
                if (property != null
                        && snake.endsWith("_at")
                        && property.getRef() == null
                        && (property.getType() == null || property.getType() == Schema.SchemaType.OBJECT)) {
                    property.setType(Schema.SchemaType.STRING);
                    property.setFormat("date-time");
                    property.setProperties(null);
                }
                renamed.put(snake, property);
            });
            schema.setProperties(renamed);
            List<String> required = schema.getRequired();
            if (required != null) {
                List<String> snakeRequired = new ArrayList<>();
                required.forEach(r -> snakeRequired.add(JsonRequestReader.snakeCase(r)));
                schema.setRequired(snakeRequired);
            }
        }
        return schema;
    }
}

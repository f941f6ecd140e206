package io.ticketrouter.interfaces.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes the OpenAPI document say what the API really sends: property names in snake_case (the JSON-B naming
 * strategy the scanner does not know about) and timestamps as ISO-8601 strings. Registered with
 * {@code mp.openapi.filter}.
 */
public class SnakeCaseSchemaFilter implements OASFilter {

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

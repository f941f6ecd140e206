package io.ticketrouter.classification.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads labelled tickets from JSON Lines: one JSON object per line, blank lines ignored. The keys {@link TicketColumns}
 * names are looked up ignoring case; a string, number or boolean value is taken as text, a missing or null one as
 * empty. The first object must have the required keys (the error lists the keys it has); a later object without a
 * value is skipped and counted like an empty CSV cell.
 */
final class TicketJsonLinesReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketJsonLinesReader() {}

    static TicketDataset parse(TicketFiles.Text file, TicketColumns columns) throws DataException {
        String name = file.name();
        TicketRows rows = new TicketRows();
        boolean first = true;
        int lineNumber = 0;
        for (String line : file.content().split("\r?\n", -1)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new DataException(name + ": line " + lineNumber + ": malformed JSON ("
                        + e.getOriginalMessage().replaceAll("\\s+", " ").strip() + ")");
            }
            if (node == null || !node.isObject()) {
                throw new DataException(name + ": line " + lineNumber + ": not a JSON object");
            }
            Map<String, JsonNode> values = new HashMap<>();
            List<String> found = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                found.add(field.getKey());
                values.putIfAbsent(TicketColumns.key(field.getKey()), field.getValue());
            }
            if (first) {
                for (String required : columns.required()) {
                    if (!values.containsKey(TicketColumns.key(required))) {
                        throw new DataException(name + ": line " + lineNumber + ": missing key \"" + required
                                + "\" (found: " + String.join(", ", found) + ")");
                    }
                }
                first = false;
            }
            rows.add(
                    text(values, columns.subject()),
                    columns.body().stream().map(b -> text(values, b)).toList(),
                    text(values, columns.queue()),
                    text(values, columns.priority()),
                    text(values, columns.language()),
                    text(values, columns.answer()));
        }
        return rows.dataset(name, file.sha256(), "no JSON objects");
    }

    private static String text(Map<String, JsonNode> values, String column) {
        JsonNode value = values.get(TicketColumns.key(column));
        return value == null || !value.isValueNode() || value.isNull()
                ? ""
                : value.asText().strip();
    }
}

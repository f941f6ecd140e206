package io.ticketrouter.connectors.zammad;

import io.ticketrouter.spi.HelpdeskCall;
import io.ticketrouter.spi.RoutedTicket;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * The REST API v1 calls that write Ticket Router's routing into a Zammad ticket, with
 * {@code Authorization: Token token=...} (Zammad's API documentation: "Tickets", "Tags", "Articles"):
 *
 * <ol>
 *   <li>{@code PUT /api/v1/tickets/{id}} with {@code {"group": ..., "priority": ...}} (names, which Zammad turns
 *       into ids);</li>
 *   <li>{@code POST /api/v1/tags/add} with {@code {"object": "Ticket", "o_id": id, "item": tag}} for the review and
 *       the urgent tag;</li>
 *   <li>{@code POST /api/v1/ticket_articles} with an internal note ({@code "type": "note", "internal": true}).</li>
 * </ol>
 *
 * The note comes last: it is the one call that is not idempotent, so a retry after a failed earlier call repeats only
 * calls that change nothing the second time. After an agent's correction in Ticket Router only the group and the
 * priority are written again.
 */
final class ZammadWriteBack {

    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private ZammadWriteBack() {}

    static List<HelpdeskCall> calls(ZammadConnector.Settings s, RoutedTicket t) {
        if (!t.created() && !t.corrected()) {
            return List.of(); // a status change or a note in Ticket Router: nothing for Zammad
        }
        Map<String, String> auth = Map.of("Authorization", "Token token=" + s.token());
        String api = s.url() + "/api/v1";
        long id;
        try {
            id = Long.parseLong(t.externalId());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Zammad ticket ids are numbers, got " + t.externalId());
        }
        List<HelpdeskCall> calls = new ArrayList<>();
        JsonObjectBuilder update = JSON.createObjectBuilder();
        String group = s.groups().get(t.queue());
        if (group != null) {
            update.add("group", group);
        }
        String priority = s.priorities().get(t.priority());
        if (priority != null) {
            update.add("priority", priority);
        }
        var body = update.build();
        if (!body.isEmpty()) {
            calls.add(HelpdeskCall.json("PUT", api + "/tickets/" + id, auth, body.toString()));
        }
        if (!t.created()) {
            return calls;
        }
        for (String tag : tags(s, t)) {
            calls.add(HelpdeskCall.json(
                    "POST",
                    api + "/tags/add",
                    auth,
                    JSON.createObjectBuilder()
                            .add("object", "Ticket")
                            .add("o_id", id)
                            .add("item", tag)
                            .build()
                            .toString()));
        }
        if (s.note()) {
            calls.add(HelpdeskCall.json(
                    "POST",
                    api + "/ticket_articles",
                    auth,
                    JSON.createObjectBuilder()
                            .add("ticket_id", id)
                            .add("subject", "Ticket Router " + t.reference())
                            .add("body", note(t, group, priority))
                            .add("content_type", "text/html")
                            .add("type", "note")
                            .add("internal", true)
                            .build()
                            .toString()));
        }
        return calls;
    }

    static List<String> tags(ZammadConnector.Settings s, RoutedTicket t) {
        List<String> tags = new ArrayList<>();
        if (t.needsReview() && !s.reviewTag().isBlank()) {
            tags.add(s.reviewTag());
        }
        if (t.urgent() && !s.urgentTag().isBlank()) {
            tags.add(s.urgentTag());
        }
        return tags;
    }

    /** The internal note: what Ticket Router decided and why, as HTML with every value escaped. */
    static String note(RoutedTicket t, String group, String priority) {
        StringBuilder html = new StringBuilder();
        html.append("<p><b>Ticket Router</b> (").append(esc(t.reference())).append(")</p><ul>");
        decision(
                html,
                "Department",
                t.queue(),
                t.queueConfidence(),
                group == null ? ", no Zammad group mapped" : " &rarr; group " + esc(group));
        decision(
                html,
                "Priority",
                t.priority(),
                t.priorityConfidence(),
                priority == null ? "" : " &rarr; " + esc(priority));
        if (t.needsReview()) {
            html.append("<li><b>Needs review</b>: the model is unsure of the department</li>");
        }
        if (t.urgent()) {
            html.append("<li><b>Urgent</b></li>");
        }
        if (!t.keywords().isEmpty()) {
            html.append("<li>Words that drove the decision: ")
                    .append(esc(String.join(
                            ", ",
                            t.keywords().subList(0, Math.min(8, t.keywords().size())))))
                    .append("</li>");
        }
        if (!t.rules().isEmpty()) {
            html.append("<li>Rules that fired: ")
                    .append(esc(String.join("; ", t.rules())))
                    .append("</li>");
        }
        if (t.recommendation() != null) {
            html.append("<li>").append(esc(t.recommendation())).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    /** One of the model's decisions: its label, its confidence and what it became in Zammad ({@code mapped}, HTML). */
    private static void decision(StringBuilder html, String what, String label, double confidence, String mapped) {
        html.append("<li>")
                .append(what)
                .append(": ")
                .append(esc(label))
                .append(" (")
                .append(percent(confidence))
                .append(")")
                .append(mapped)
                .append("</li>");
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }

    private static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.0f %%", confidence * 100);
    }
}

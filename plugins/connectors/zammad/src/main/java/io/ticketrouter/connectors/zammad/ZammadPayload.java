package io.ticketrouter.connectors.zammad;

import io.ticketrouter.spi.ExternalTicket;
import io.ticketrouter.spi.Incoming;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import org.jsoup.Jsoup;

/**
 * Reads Zammad's default webhook payload: {@code {"ticket": {...}, "article": {...}}}, where the ticket has
 * {@code id}, {@code title} and the nested {@code customer} ({@code firstname}, {@code lastname}, {@code email}), and
 * the article has {@code body} ({@code text/html} or {@code text/plain}, per {@code content_type}), {@code from} and
 * {@code internal} (Zammad's {@code app/jobs/trigger_webhook_job/record_payload}, and the admin documentation's
 * "Webhook payload" page).
 */
final class ZammadPayload {

    /** Parsson directly: the plugin's own copy, with no service lookup through the server's class path. */
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private ZammadPayload() {}

    static Incoming read(String body, URI zammad) {
        JsonObject root;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return Incoming.ignored("the payload is not a JSON object");
            }
            root = value.asJsonObject();
        } catch (JsonException e) {
            return Incoming.ignored("the payload is not JSON: " + e.getMessage());
        }
        JsonObject ticket = object(root, "ticket");
        if (ticket == null || !(ticket.get("id") instanceof JsonNumber id)) {
            return Incoming.ignored(
                    "the payload has no ticket with an id (a custom payload? use Zammad's default one)");
        }
        String ticketId = String.valueOf(id.longValue());
        JsonObject article = object(root, "article");
        String text = "";
        if (article != null && !article.getBoolean("internal", false)) {
            String raw = string(article, "body");
            String type = string(article, "content_type");
            text = raw == null ? "" : type != null && type.startsWith("text/html") ? htmlToText(raw) : raw.strip();
        }
        String title = string(ticket, "title");
        if (text.isBlank() && (title == null || title.isBlank())) {
            return Incoming.ignored("ticket " + ticketId + " has neither a title nor a customer article");
        }
        JsonObject customer = object(ticket, "customer");
        String name = null;
        String email = null;
        if (customer != null) {
            String first = string(customer, "firstname");
            String last = string(customer, "lastname");
            name = join(first, last);
            email = string(customer, "email");
        }
        return Incoming.ticket(new ExternalTicket(
                ticketId,
                zammad + "/#ticket/zoom/" + ticketId,
                title,
                text.isBlank() ? title : text,
                name,
                email == null || email.isBlank() ? null : email));
    }

    /** The readable text of an article's HTML: paragraphs and line breaks kept, tags and scripts gone (jsoup). */
    static String htmlToText(String html) {
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        doc.select("br").after("\\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4, blockquote").after("\\n");
        String text = doc.text().replace("\\n", "\n");
        return text.replaceAll("[ \\t]*\n[ \\t]*", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    private static String string(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static String join(String first, String last) {
        String name = ((first == null || first.equals("-") ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }
}

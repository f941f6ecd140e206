package io.ticketrouter.it.fakeapi;

import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory tickets with the real API's shapes: {@code /api/tickets}, list pages, PATCH, DELETE, problem+json. */
@Path("tickets")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FakeTicketResource {

    private final ConcurrentSkipListMap<Long, TicketView> tickets = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() / 1000 % 100_000 * 100);

    @Inject
    FakeClassifier classifier;
    @Inject
    Event<TicketChanged> changes;

    public record NewTicket(String subject, String body, String customerName, String customerEmail) {
    }

    public record Changes(String queue, String priority, String status, String note) {
    }

    public record Page(List<TicketView> items, String nextBefore, String nextAfter) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewTicket in) {
        if (in == null || in.body() == null || in.body().strip().length() < 10 || in.body().strip().length() > 10_000) {
            int got = in == null || in.body() == null ? 0 : in.body().strip().length();
            return problem(400, "body", "body must be 10 to 10000 characters, got " + got);
        }
        if (in.subject() != null && in.subject().length() > 200) {
            return problem(400, "subject", "subject must be at most 200 characters, got " + in.subject().length());
        }
        long id = sequence.incrementAndGet();
        String reference = "TR-" + Long.toString(id, 36).toUpperCase(Locale.ROOT);
        Prediction p = classifier.classify(TicketText.of(in.subject(), in.body()));
        Instant now = Instant.now();
        boolean urgent = p.priority().label().equals("high");
        List<TicketView.RoutingDecision> routing = urgent
                ? List.of(new TicketView.RoutingDecision("urgent-words", "priority: medium -> high", "the text says urgent"))
                : List.of();
        TicketView t = new TicketView(reference, now, now, "open", in.subject(), in.body(), in.customerName(),
                in.customerEmail(), p.language(), new TicketView.Scored(p.queue().label(), p.queue().confidence()),
                new TicketView.Scored(p.priority().label(), p.priority().confidence()), p.queueProbabilities(),
                p.priorityProbabilities(), p.keywords().stream().map(k -> new TicketView.Keyword(k.term(), k.weight())).toList(),
                "Route to " + p.queue().label() + ".", p.belowReviewThreshold(), urgent, routing, p.modelVersion(),
                null, null, p.queue().label(), p.priority().label(), List.of());
        tickets.put(id, t);
        changes.fireAsync(new TicketChanged(TicketChanged.Kind.CREATED, reference, t));
        return Response.created(URI.create("tickets/" + reference)).entity(t).build();
    }

    @GET
    public Response list(@QueryParam("queue") String queue, @QueryParam("priority") String priority,
                         @QueryParam("status") String status, @QueryParam("language") String language,
                         @QueryParam("needs_review") Boolean needsReview, @QueryParam("q") String q,
                         @QueryParam("after") String after, @QueryParam("before") String before,
                         @QueryParam("limit") Integer limit) {
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > 500) {
            return problem(400, "limit", "limit must be 1 to 500, got " + max);
        }
        Long afterId = after == null ? null : idOf(after);
        Long beforeId = before == null ? null : idOf(before);
        if ((after != null && afterId == null) || (before != null && beforeId == null)) {
            return problem(404, after != null ? "after" : "before", "no ticket with this reference");
        }
        List<TicketView> matching = new ArrayList<>();
        for (Map.Entry<Long, TicketView> e : tickets.descendingMap().entrySet()) {
            TicketView t = e.getValue();
            if ((afterId != null && e.getKey() <= afterId) || (beforeId != null && e.getKey() >= beforeId)) {
                continue;
            }
            if ((queue == null || queue.equals(t.finalQueue())) && (priority == null || priority.equals(t.finalPriority()))
                    && (status == null || status.equals(t.status())) && (language == null || language.equals(t.language()))
                    && (needsReview == null || needsReview == t.needsReview())
                    && (q == null || (t.subject() + " " + t.body()).toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))) {
                matching.add(t);
            }
        }
        if (afterId != null) {
            // catching up: the oldest missed tickets first, then next_after to continue
            List<TicketView> oldestFirst = new ArrayList<>(matching);
            java.util.Collections.reverse(oldestFirst);
            List<TicketView> page = new ArrayList<>(oldestFirst.subList(0, Math.min(max, oldestFirst.size())));
            String nextAfter = oldestFirst.size() > max ? page.get(page.size() - 1).reference() : null;
            java.util.Collections.reverse(page);
            return Response.ok(new Page(page, null, nextAfter)).build();
        }
        List<TicketView> page = matching.subList(0, Math.min(max, matching.size()));
        String nextBefore = matching.size() > max ? page.get(page.size() - 1).reference() : null;
        return Response.ok(new Page(page, nextBefore, null)).build();
    }

    @GET
    @Path("{reference}")
    public Response get(@PathParam("reference") String reference) {
        Long id = idOf(reference);
        return id == null ? problem(404, "reference", "no ticket " + reference) : Response.ok(tickets.get(id)).build();
    }

    @PATCH
    @Path("{reference}")
    @Consumes(MediaType.APPLICATION_JSON)
    public synchronized Response patch(@PathParam("reference") String reference, Changes in) {
        Long id = idOf(reference);
        if (id == null) {
            return problem(404, "reference", "no ticket " + reference);
        }
        TicketView t = tickets.get(id);
        Instant now = Instant.now();
        List<TicketView.HistoryEntry> history = new ArrayList<>(t.history());
        String status = t.status();
        String queue = t.correctedQueue();
        String priority = t.correctedPriority();
        if (in.status() != null && !in.status().equals(status)) {
            history.add(new TicketView.HistoryEntry(now, "agent", "status", status, in.status()));
            status = in.status();
        }
        if (in.queue() != null) {
            history.add(new TicketView.HistoryEntry(now, "agent", "queue", t.finalQueue(), in.queue()));
            queue = in.queue();
        }
        if (in.priority() != null) {
            history.add(new TicketView.HistoryEntry(now, "agent", "priority", t.finalPriority(), in.priority()));
            priority = in.priority();
        }
        if (in.note() != null) {
            history.add(new TicketView.HistoryEntry(now, "agent", "note", null, in.note()));
        }
        TicketView u = new TicketView(t.reference(), t.createdAt(), now, status, t.subject(), t.body(), t.customerName(),
                t.customerEmail(), t.language(), t.queue(), t.priority(), t.queueProbabilities(),
                t.priorityProbabilities(), t.keywords(), t.recommendation(), t.needsReview(), t.urgent(), t.routing(),
                t.modelVersion(), queue, priority, queue != null ? queue : t.queue().label(),
                priority != null ? priority : t.priority().label(), history);
        tickets.put(id, u);
        changes.fireAsync(new TicketChanged(TicketChanged.Kind.UPDATED, reference, u));
        return Response.ok(u).build();
    }

    @DELETE
    @Path("{reference}")
    public Response delete(@PathParam("reference") String reference) {
        Long id = idOf(reference);
        if (id == null) {
            return problem(404, "reference", "no ticket " + reference);
        }
        TicketView t = tickets.remove(id);
        changes.fireAsync(new TicketChanged(TicketChanged.Kind.DELETED, reference, t));
        return Response.noContent().build();
    }

    private Long idOf(String reference) {
        try {
            long id = Long.parseLong(reference.substring(3), 36);
            return tickets.containsKey(id) ? id : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Response problem(int status, String field, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status == 404 ? "Not found" : "Invalid input");
        body.put("status", status);
        body.put("detail", detail);
        body.put("field", field);
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}

package io.ticketrouter.application.internal;

import io.ticketrouter.application.AfterCommitExecutor;
import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.MailSettings;
import io.ticketrouter.application.MailUnavailableException;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.application.ModelUnavailableException;
import io.ticketrouter.application.NewTicket;
import io.ticketrouter.application.PredictionView;
import io.ticketrouter.application.ProductionMetrics;
import io.ticketrouter.application.ReceivedTicket;
import io.ticketrouter.application.RoutingPolicy;
import io.ticketrouter.application.SimilarTickets;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketChanges;
import io.ticketrouter.application.TicketConflictException;
import io.ticketrouter.application.TicketFilter;
import io.ticketrouter.application.TicketIndex;
import io.ticketrouter.application.TicketNotFoundException;
import io.ticketrouter.application.TicketPage;
import io.ticketrouter.application.TicketService;
import io.ticketrouter.application.TicketStatusView;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.classification.ModelInfo;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.domain.model.WireNamed;
import io.ticketrouter.domain.model.WireNames;
import io.ticketrouter.domain.model.ticket.Classification;
import io.ticketrouter.domain.model.ticket.Priority;
import io.ticketrouter.domain.model.ticket.Routing;
import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketContent;
import io.ticketrouter.domain.model.ticket.TicketQuery;
import io.ticketrouter.domain.model.ticket.TicketReference;
import io.ticketrouter.domain.model.ticket.TicketStatus;
import io.ticketrouter.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Classifies outside any transaction (the models are CPU work and must not hold a database connection), stores in a
 * short transaction, then publishes {@link TicketChanged} asynchronously once the change is committed.
 */
@ApplicationScoped
public class DefaultTicketService implements TicketService {

    private static final Logger LOG = Logger.getLogger(DefaultTicketService.class.getName());
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,8}");
    /** A ticket source: the name of a helpdesk connector (a plugin name), or {@link TicketQuery#MADE_HERE}. */
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private static final Pattern CHANNEL = Pattern.compile("[a-z]{1,16}");

    /** The channels tickets come in by. */
    static final List<String> CHANNELS = List.of(
            NewTicket.PORTAL, NewTicket.API, Ticket.CHANNEL_EMAIL, Ticket.CHANNEL_HELPDESK, Ticket.CHANNEL_IMPORT);

    @Inject
    ClassifierRegistry classifiers;

    @Inject
    RoutingPolicy routingPolicy;

    @Inject
    TicketTransactions transactions;

    @Inject
    Event<TicketChanged> events;

    @Inject
    AfterCommitExecutor afterCommit;

    @Inject
    ProductionMetrics metrics;

    @Inject
    TicketIndex index;

    @Inject
    MailSettings mail;

    @Override
    public PredictionView predict(String subject, String body, boolean similar) {
        TicketContent content = new TicketContent(subject, body, null, null);
        Prediction prediction = classify(content);
        Routing routing = routingPolicy.route(content, prediction);
        PredictionView view = TicketViews.prediction(TicketViews.classification(prediction), routing);
        return similar
                ? view.withSimilar(similarTo(text(subject, body), prediction.language(), null, SIMILAR_DEFAULT))
                : view;
    }

    @Override
    public SimilarTickets similar(String reference, int limit) {
        if (limit < 1 || limit > SIMILAR_MAX) {
            throw new InvalidInputException("limit", "limit must be 1 to " + SIMILAR_MAX + ", got " + limit);
        }
        TicketView ticket = find(reference);
        return similarTo(text(ticket.subject(), ticket.body()), ticket.language(), ticket.reference(), limit);
    }

    /**
     * Asks the index for a few more than wanted (a ticket deleted since it was indexed is dropped when its row is
     * missing) and reads what is shown of them from the database.
     */
    private SimilarTickets similarTo(String text, String language, String exclude, int limit) {
        List<TicketIndex.Match> matches = index.nearest(text, language, exclude, limit + SIMILAR_SPARE);
        TicketTransactions.SimilarFound found = transactions.similar(matches, limit);
        found.gone().forEach(index::stale);
        List<SimilarTickets.Similar> list = found.tickets();
        SimilarTickets.SuggestedReply reply = null;
        for (SimilarTickets.Similar s : list) {
            String answer = found.answers().get(s.reference());
            if (answer != null) {
                reply = new SimilarTickets.SuggestedReply(s.reference(), answer);
                break;
            }
        }
        return new SimilarTickets(list, summary(list), reply, index.complete());
    }

    /** Asked of the index beyond the limit, to make up for tickets deleted since they were indexed. */
    private static final int SIMILAR_SPARE = 5;

    /** "4 of 5 went to Billing and Payments": the queue most of them went to (on a tie, the nearest one's). */
    static String summary(List<SimilarTickets.Similar> list) {
        if (list.isEmpty()) {
            return null;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        list.forEach(s -> counts.merge(s.queue(), 1, Integer::sum));
        Map.Entry<String, Integer> top = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (top == null || e.getValue() > top.getValue()) {
                top = e;
            }
        }
        return top.getValue() + " of " + list.size() + " went to " + top.getKey();
    }

    private static String text(String subject, String body) {
        return subject == null || subject.isBlank() ? body : subject + "\n" + body;
    }

    @Override
    public ReceivedTicket receive(NewTicket input) {
        TicketContent content = new TicketContent(
                input.subject(), input.body(), blankToNull(input.customerName()), blankToNull(input.customerEmail()));
        Ticket ticket = classifyAndRoute(content);
        ticket.cameThrough(input.channel());
        String statusToken = Tokens.statusToken();
        ticket.keepStatusTokenDigest(Tokens.digest(statusToken));
        TicketView view = transactions.add(ticket);
        metrics.ticketClassified(ticket.finalQueue(), ticket.finalPriority(), ticket.needsReview());
        publish(TicketChanged.Kind.CREATED, view);
        return new ReceivedTicket(view, statusToken);
    }

    @Override
    public TicketStatusView status(String reference, String statusToken) {
        TicketReference ref;
        try {
            ref = TicketReference.parse(reference);
        } catch (IllegalArgumentException e) {
            throw new TicketNotFoundException(String.valueOf(reference));
        }
        return transactions.status(ref, statusToken);
    }

    /**
     * The single place where a new ticket gets its prediction and routing: the classifier, then the routing policy
     * (routing-rule plugins plug in behind {@link RoutingPolicy}).
     */
    Ticket classifyAndRoute(TicketContent content) {
        Prediction prediction = classify(content);
        Classification classification = TicketViews.classification(prediction);
        Routing routing = routingPolicy.route(content, prediction);
        String priority = routing.priority() == null ? null : routing.priority().toLowerCase(Locale.ROOT);
        return new Ticket(
                content,
                classification,
                new Routing(
                        routing.decisions(),
                        routing.queue(),
                        priority,
                        routing.needsReview(),
                        routing.urgent(),
                        routing.recommendation()),
                Instant.now());
    }

    /** Classifies with the serving model (kept for the whole call, even if another is swapped in meanwhile). */
    private Prediction classify(TicketContent content) {
        long start = System.nanoTime();
        Prediction prediction = classifiers.current().classify(TicketText.of(content.subject(), content.body()));
        metrics.classification(System.nanoTime() - start);
        return prediction;
    }

    @Override
    public TicketView find(String reference) {
        return transactions.find(reference("reference", reference));
    }

    @Override
    public TicketPage list(TicketFilter f) {
        if (f.limit() < 1 || f.limit() > PAGE_MAX) {
            throw new InvalidInputException("limit", "limit must be 1 to " + PAGE_MAX + ", got " + f.limit());
        }
        String queue = blankToNull(f.queue());
        if (queue != null) {
            checkQueue("queue", queue);
        }
        String priority = blankToNull(f.priority()) == null
                ? null
                : checkPriority(f.priority()).wireName();
        TicketStatus status = blankToNull(f.status()) == null ? null : checkStatus(f.status());
        String language =
                code(f.language(), "language", LANGUAGE, "a language code such as en, de, es, fr, pt (or other)");
        String source = code(
                f.source(),
                "source",
                SOURCE,
                TicketQuery.MADE_HERE + " (the tickets made here) or the name of a helpdesk connector such as zammad"
                        + " (letters, digits, '-', at most 64)");
        String channel = code(f.channel(), "channel", CHANNEL, "one of " + String.join(", ", CHANNELS));
        if (channel != null && !CHANNELS.contains(channel)) {
            throw new InvalidInputException(
                    "channel", "channel must be one of " + String.join(", ", CHANNELS) + ", got \"" + channel + "\"");
        }
        String text = blankToNull(f.text());
        if (text != null && text.length() > 200) {
            throw new InvalidInputException("q", "q must be at most 200 characters, got " + text.length());
        }
        if (text != null && text.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
            // PostgreSQL refuses NUL in text; no stored ticket can contain these characters anyway
            throw new InvalidInputException("q", "q must not contain control characters");
        }
        TicketReference after = blankToNull(f.after()) == null ? null : reference("after", f.after());
        TicketReference before = blankToNull(f.before()) == null ? null : reference("before", f.before());
        TicketQuery query = new TicketQuery(
                queue, priority, status, language, f.needsReview(), source, channel, text, after, before);

        // one more than asked tells whether another page exists
        List<TicketView> found = transactions.search(query, f.limit() + 1);
        boolean more = found.size() > f.limit();
        if (after != null) {
            // catch-up page: the oldest tickets after the cursor, shown newest first; drop the newest extra one
            List<TicketView> page = more ? found.subList(1, found.size()) : found;
            String nextAfter = more ? page.get(0).reference() : null;
            return new TicketPage(List.copyOf(page), null, nextAfter);
        }
        List<TicketView> page = more ? found.subList(0, f.limit()) : found;
        String nextBefore = more ? page.get(page.size() - 1).reference() : null;
        return new TicketPage(List.copyOf(page), nextBefore, null);
    }

    @Override
    public TicketView update(String reference, TicketChanges changes, String actor) {
        TicketReference ref = reference("reference", reference);
        if (changes == null || changes.isEmpty()) {
            throw new InvalidInputException(
                    null, "nothing to change: send at least one of queue, priority, status, note");
        }
        String queue = changes.queue();
        if (queue != null) {
            queue = checkQueue("queue", queue.trim());
        }
        String priority = changes.priority() == null
                ? null
                : checkPriority(changes.priority()).wireName();
        String status =
                changes.status() == null ? null : checkStatus(changes.status()).wireName();
        String note = changes.note();
        if (note != null && (note.isBlank() || note.length() > Ticket.NOTE_MAX)) { // the REST layer checks more
            throw new InvalidInputException(
                    "note",
                    "note must be 1 to " + Ticket.NOTE_MAX + " characters (not only spaces), got " + note.length());
        }
        TicketChanges valid = new TicketChanges(queue, priority, status, note);
        TicketTransactions.Updated updated;
        try {
            updated = TicketConflicts.retrying(() -> transactions.update(ref, valid, actor));
        } catch (TicketConflicts.Lost e) {
            throw new TicketConflictException(transactions.find(ref));
        }
        if (updated.changed()) {
            publish(TicketChanged.Kind.UPDATED, updated.ticket());
        }
        return updated.ticket();
    }

    @Override
    public TicketView reply(String reference, String text, String actor) {
        TicketReference ref = reference("reference", reference);
        if (text == null || text.isBlank() || text.length() > Ticket.BODY_MAX) { // the REST layer checks more
            throw new InvalidInputException(
                    "text",
                    "text must be 1 to " + Ticket.BODY_MAX + " characters (not only spaces), got "
                            + (text == null ? 0 : text.length()));
        }
        if (!mail.sending()) {
            throw new MailUnavailableException("replies go out by mail, and outgoing mail is not configured:"
                    + " set ticketrouter.mail.smtp.url and ticketrouter.mail.from (docs/operations.md)");
        }
        String reply = text.strip();
        TicketView view;
        try {
            view = TicketConflicts.retrying(() -> transactions.reply(
                    ref, reply, actor, (ticket, thread) -> CustomerMails.reply(ticket, reply, thread, mail)));
        } catch (TicketConflicts.Lost e) {
            throw new TicketConflictException(transactions.find(ref));
        }
        publish(TicketChanged.Kind.REPLIED, view);
        return view;
    }

    @Override
    public TicketView delete(String reference, String actor) {
        TicketReference ref = reference("reference", reference);
        TicketView last;
        try {
            // a delete that lost against a change is run again on the changed ticket: it is never lost
            last = TicketConflicts.retrying(() -> transactions.delete(ref));
        } catch (TicketConflicts.Lost e) {
            throw new TicketConflictException(transactions.find(ref));
        }
        LOG.log(Level.INFO, "Ticket {0} deleted by {1}", new Object[] {last.reference(), actor});
        publish(TicketChanged.Kind.DELETED, last);
        return last;
    }

    @Override
    public ModelInfo model() {
        ModelStatus status = classifiers.status();
        if (!status.ready()) {
            throw new ModelUnavailableException(status.reason());
        }
        return status.info();
    }

    void publish(TicketChanged.Kind kind, TicketView view) {
        events.fireAsync(new TicketChanged(kind, view.reference(), view), NotificationOptions.ofExecutor(afterCommit))
                .exceptionally(e -> {
                    LOG.log(
                            Level.WARNING,
                            "An observer of ticket " + kind.wireName() + " events failed for " + view.reference(),
                            e);
                    return null;
                });
    }

    /** A filter's code in lower case (null when not given), or the problem naming what is allowed. */
    private static String code(String value, String field, Pattern allowed, String what) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        String lower = given.toLowerCase(Locale.ROOT);
        if (!allowed.matcher(lower).matches()) {
            throw new InvalidInputException(field, field + " must be " + what + ", got \"" + abbreviate(value) + "\"");
        }
        return lower;
    }

    private String checkQueue(String field, String queue) {
        ModelStatus status = classifiers.status();
        if (status.ready()
                && status.info().queues() != null
                && !status.info().queues().isEmpty()) {
            for (String known : status.info().queues()) {
                if (known.equalsIgnoreCase(queue)) {
                    return known;
                }
            }
            throw new InvalidInputException(
                    field,
                    field + " must be one of " + String.join(", ", status.info().queues()) + ", got \""
                            + abbreviate(queue) + "\"");
        }
        if (queue.isBlank() || queue.length() > 100) {
            throw new InvalidInputException(field, field + " must be a queue name of 1 to 100 characters");
        }
        return queue;
    }

    private static Priority checkPriority(String value) {
        return wireValue(Priority.class, "priority", value);
    }

    private static TicketStatus checkStatus(String value) {
        return wireValue(TicketStatus.class, "status", value);
    }

    /** The constant named by a client, or a 400 that lists the allowed names and what was given (abbreviated). */
    private static <E extends Enum<E> & WireNamed> E wireValue(Class<E> type, String field, String value) {
        try {
            return WireNames.parse(type, field, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field,
                    field + " must be one of " + WireNames.allowed(type) + ", got \"" + abbreviate(value) + "\"");
        }
    }

    private static TicketReference reference(String field, String value) {
        try {
            return TicketReference.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field,
                    field + " must be " + TicketReference.FORMAT_DESCRIPTION + ", got \"" + abbreviate(value) + "\"");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
    }
}

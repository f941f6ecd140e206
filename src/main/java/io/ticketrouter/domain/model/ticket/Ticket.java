package io.ticketrouter.domain.model.ticket;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A support ticket: the customer's text, the models' prediction (stored once, never overwritten), agent corrections
 * kept beside it, status and the history of agent changes.
 *
 * <p>Ids come from a sequence (H2 2.x rejects the DDL EclipseLink writes for identity columns); the public
 * {@link TicketReference} is derived from the id, so references sort in creation order. The filter columns used by
 * the API ({@code final_queue}, {@code final_priority}, {@code status}, {@code language}, {@code needs_review}) are
 * indexed together with the id, which is also the sort key (newest first).
 */
@Entity
@Table(
        name = "ticket",
        indexes = {
            @Index(name = "ticket_reference_uq", columnList = "reference", unique = true),
            @Index(name = "ticket_final_queue_idx", columnList = "final_queue, id"),
            @Index(name = "ticket_final_priority_idx", columnList = "final_priority, id"),
            @Index(name = "ticket_status_idx", columnList = "status, id"),
            @Index(name = "ticket_language_idx", columnList = "language, id"),
            @Index(name = "ticket_needs_review_idx", columnList = "needs_review, id")
        })
public class Ticket {

    public static final int SUBJECT_MAX = 300;
    public static final int BODY_MIN = 10;
    public static final int BODY_MAX = 10_000;
    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int NOTE_MAX = 2_000;
    public static final String CHANNEL_IMPORT = "import";
    /** The channel of tickets a helpdesk sent through one of its connectors ({@link #source()}). */
    public static final String CHANNEL_HELPDESK = "helpdesk";
    /** The channel of tickets a customer's mail to the support address made. */
    public static final String CHANNEL_EMAIL = "email";
    /** The history field of a customer's message that came after the ticket (a reply to our mail). */
    public static final String FIELD_MESSAGE = "message";
    /** The history field of an agent's reply to the customer (sent by mail). */
    public static final String FIELD_REPLY = "reply";
    /** Longest id of a helpdesk's ticket. */
    public static final int EXTERNAL_ID_MAX = 100;
    /** Longest link to a helpdesk's ticket. */
    public static final int EXTERNAL_URL_MAX = 2000;

    @Id
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "reference", length = 24, nullable = false, updatable = false)
    private String reference;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private TicketStatus status;

    @Column(name = "subject", length = SUBJECT_MAX, nullable = false)
    private String subject;

    @Column(name = "body", length = BODY_MAX, nullable = false)
    private String body;

    @Column(name = "customer_name", length = NAME_MAX)
    private String customerName;

    @Column(name = "customer_email", length = EMAIL_MAX)
    private String customerEmail;

    // --- the prediction, written once ---
    @Column(name = "language", length = 16, nullable = false, updatable = false)
    private String language;

    @Column(name = "predicted_queue", length = 100, nullable = false, updatable = false)
    private String predictedQueue;

    @Column(name = "queue_confidence", nullable = false, updatable = false)
    private double queueConfidence;

    @Column(name = "predicted_priority", length = 32, nullable = false, updatable = false)
    private String predictedPriority;

    @Column(name = "priority_confidence", nullable = false, updatable = false)
    private double priorityConfidence;

    @Convert(converter = JsonColumn.ProbabilitiesConverter.class)
    @Column(name = "queue_probabilities", length = 8000, updatable = false)
    private Probabilities queueProbabilities;

    @Convert(converter = JsonColumn.ProbabilitiesConverter.class)
    @Column(name = "priority_probabilities", length = 2000, updatable = false)
    private Probabilities priorityProbabilities;

    @Convert(converter = JsonColumn.KeywordsConverter.class)
    @Column(name = "keywords", length = 8000, updatable = false)
    private Keywords keywords;

    @Column(name = "review_threshold", nullable = false, updatable = false)
    private double reviewThreshold;

    /** 1 when a human should review the queue, else 0 (an integer: EclipseLink binds booleans as integers on H2). */
    @Column(name = "needs_review", nullable = false, updatable = false)
    private int needsReview;

    /**
     * 1 when an urgent-keyword list or a routing rule said the ticket is urgent, else 0; null on tickets stored before
     * the column existed, whose routing trail says it instead.
     */
    @Column(name = "urgent", updatable = false)
    private Integer urgent;

    @Column(name = "recommendation", length = 1000, updatable = false)
    private String recommendation;

    @Column(name = "model_version", length = 100, nullable = false, updatable = false)
    private String modelVersion;

    @Convert(converter = JsonColumn.RoutingTrailConverter.class)
    @Column(name = "routing", length = 4000, updatable = false)
    private RoutingTrail routing;

    // --- agent corrections, kept beside the prediction ---
    @Column(name = "corrected_queue", length = 100)
    private String correctedQueue;

    @Column(name = "corrected_priority", length = 32)
    private String correctedPriority;

    /** The queue routing uses: the correction when there is one, else the prediction. Indexed for filters. */
    @Column(name = "final_queue", length = 100, nullable = false)
    private String finalQueue;

    @Column(name = "final_priority", length = 32, nullable = false)
    private String finalPriority;

    /**
     * SHA-256 of the secret the customer got with the reference, for looking up the status without signing in.
     * Null for tickets stored before status tokens existed: their status cannot be looked up anonymously.
     */
    @Column(name = "status_token_digest", length = 64, updatable = false)
    private String statusTokenDigest;

    /** The answer the ticket got, for imported history (an agent's notes are in the history). */
    @Column(name = "answer", length = BODY_MAX, updatable = false)
    private String answer;

    /**
     * How the ticket came in: {@link #CHANNEL_IMPORT} for imported history, {@link #CHANNEL_HELPDESK},
     * {@link #CHANNEL_EMAIL}, null for the portal and the API.
     */
    @Column(name = "channel", length = 16, updatable = false)
    private String channel;

    /** The helpdesk connector the ticket came from (its plugin name), null for other channels. */
    @Column(name = "external_source", length = 64, updatable = false)
    private String source;

    /** The helpdesk's id of the ticket; unique with {@link #source}. */
    @Column(name = "external_id", length = EXTERNAL_ID_MAX, updatable = false)
    private String externalId;

    /** Where agents open the ticket in the helpdesk, or null. */
    @Column(name = "external_url", length = EXTERNAL_URL_MAX, updatable = false)
    private String externalUrl;

    /** The files the customer's mail carried (listed, not stored); empty for other channels. */
    @Convert(converter = JsonColumn.AttachmentsConverter.class)
    @Column(name = "attachments", length = 8000, updatable = false)
    private Attachments attachments;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(
            name = "ticket_history",
            joinColumns = @JoinColumn(name = "ticket_id"),
            indexes = @Index(name = "ticket_history_ticket_idx", columnList = "ticket_id, position"))
    @OrderColumn(name = "position")
    private List<HistoryEntry> history = new ArrayList<>();

    protected Ticket() {
        // for JPA
    }

    /**
     * A new ticket as received, with the models' prediction and where routing put it. The queue and priority routing
     * chose are the initial "final" values; the prediction stays as it was.
     */
    public Ticket(TicketContent content, Classification classification, Routing routing, Instant now) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(routing, "routing");
        this.createdAt = InstantConverter.stored(now);
        this.updatedAt = createdAt;
        this.status = TicketStatus.OPEN;
        this.subject = content.subject();
        this.body = content.body();
        this.customerName = content.customerName();
        this.customerEmail = content.customerEmail();
        this.language = classification.language();
        this.predictedQueue = classification.queue();
        this.queueConfidence = classification.queueConfidence();
        this.predictedPriority = classification.priority();
        this.priorityConfidence = classification.priorityConfidence();
        this.queueProbabilities = new Probabilities(classification.queueProbabilities());
        this.priorityProbabilities = new Probabilities(classification.priorityProbabilities());
        this.keywords = new Keywords(classification.keywords());
        this.reviewThreshold = classification.queueReviewThreshold();
        this.needsReview = routing.needsReview() ? 1 : 0;
        this.urgent = routing.urgent() ? 1 : 0;
        this.recommendation = routing.recommendation();
        this.modelVersion = classification.modelVersion();
        this.routing = new RoutingTrail(routing.decisions());
        this.finalQueue = routing.queue() == null ? classification.queue() : routing.queue();
        this.finalPriority = routing.priority() == null ? classification.priority() : routing.priority();
    }

    /**
     * Keeps the digest of the customer's status token (the token itself is handed to the customer once, with the
     * reference, and never stored). Call before the ticket is persisted.
     */
    public void keepStatusTokenDigest(String digest) {
        if (statusTokenDigest != null) {
            throw new IllegalStateException("the ticket already has a status token");
        }
        statusTokenDigest = java.util.Objects.requireNonNull(digest, "digest");
    }

    /** Whether the digest is that of this ticket's status token (compared in constant time). */
    public boolean statusTokenDigestMatches(String digest) {
        return digest != null
                && statusTokenDigest != null
                && java.security.MessageDigest.isEqual(
                        statusTokenDigest.getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Marks a new ticket as one a helpdesk sent through a connector, with the helpdesk's id and link. Call before the
     * ticket is persisted.
     */
    public void cameFrom(String connector, String id, String url) {
        if (this.id != null) {
            throw new IllegalStateException("the ticket is stored already");
        }
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > EXTERNAL_ID_MAX) {
            throw new IllegalArgumentException("a helpdesk ticket id has 1 to " + EXTERNAL_ID_MAX + " characters");
        }
        this.channel = CHANNEL_HELPDESK;
        this.source = connector;
        this.externalId = id;
        this.externalUrl = url == null || url.length() > EXTERNAL_URL_MAX ? null : url;
    }

    /** Records how a new ticket came in ({@code portal}, {@code api}). Call before the ticket is persisted. */
    public void cameThrough(String channelName) {
        if (this.id != null) {
            throw new IllegalStateException("the ticket is stored already");
        }
        this.channel = channelName;
    }

    /**
     * Marks a new ticket as one a customer's mail made, with the files the mail carried. Call before the ticket is
     * persisted.
     */
    public void cameByMail(Attachments files) {
        if (this.id != null) {
            throw new IllegalStateException("the ticket is stored already");
        }
        this.channel = CHANNEL_EMAIL;
        this.attachments = files == null || files.list().isEmpty() ? null : files;
    }

    /** The files the customer's mail carried, or none. */
    public List<Attachment> attachments() {
        return attachments == null ? List.of() : attachments.list();
    }

    /**
     * The customer wrote again (a reply to one of our mails): the message joins the history, and a resolved ticket
     * is open again. Returns whether the ticket was reopened.
     */
    public boolean addCustomerMessage(String text, String from, Instant now) {
        Objects.requireNonNull(text, "text");
        String author = from.length() <= HistoryEntry.ACTOR_MAX ? from : from.substring(0, HistoryEntry.ACTOR_MAX);
        history.add(new HistoryEntry(now, author, FIELD_MESSAGE, null, text));
        updatedAt = InstantConverter.stored(now);
        return status == TicketStatus.RESOLVED && changeStatus(TicketStatus.OPEN, author, now);
    }

    /** An agent answered the customer (the reply goes out by mail); it stays in the history. */
    public void addReply(String text, String actor, Instant now) {
        Objects.requireNonNull(text, "text");
        recordChange(FIELD_REPLY, null, text, actor, now);
    }

    /** The helpdesk connector the ticket came from, or null. */
    public String source() {
        return source;
    }

    /** The helpdesk's id of the ticket, or null. */
    public String externalId() {
        return externalId;
    }

    /** The link to the ticket in the helpdesk, or null. */
    public String externalUrl() {
        return externalUrl;
    }

    /** Gives the ticket its reference once the id is known (right after it was persisted). */
    public void assignReference() {
        if (id == null) {
            throw new IllegalStateException("the ticket has no id yet: persist it first");
        }
        this.reference = TicketReference.of(id).value();
    }

    /** An agent sets the queue. Returns true when something changed. */
    public boolean correctQueue(String queue, String actor, Instant now) {
        if (!recordChange("queue", finalQueue, queue, actor, now)) {
            return false;
        }
        correctedQueue = queue;
        finalQueue = queue;
        return true;
    }

    /** An agent sets the priority. Returns true when something changed. */
    public boolean correctPriority(Priority priority, String actor, Instant now) {
        String value = priority.wireName();
        if (!recordChange("priority", finalPriority, value, actor, now)) {
            return false;
        }
        correctedPriority = value;
        finalPriority = value;
        return true;
    }

    /** An agent moves the ticket on. Returns true when something changed. */
    public boolean changeStatus(TicketStatus newStatus, String actor, Instant now) {
        if (!recordChange("status", status.wireName(), newStatus.wireName(), actor, now)) {
            return false;
        }
        status = newStatus;
        return true;
    }

    /** An agent writes a note; notes only live in the history. */
    public void addNote(String note, String actor, Instant now) {
        recordChange("note", null, note, actor, now);
    }

    /** Adds the history entry of a change and touches the ticket, unless the value stays the same. */
    private boolean recordChange(String field, String from, String to, String actor, Instant now) {
        if (to.equals(from)) {
            return false;
        }
        history.add(new HistoryEntry(now, actor, field, from, to));
        updatedAt = InstantConverter.stored(now);
        return true;
    }

    public Long id() {
        return id;
    }

    /** The row's version: 1 once stored, one more with every stored change (the order of the ticket's changes). */
    public long version() {
        return version;
    }

    public TicketReference reference() {
        return TicketReference.of(id);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public TicketStatus status() {
        return status;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String customerName() {
        return customerName;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public String language() {
        return language;
    }

    public String predictedQueue() {
        return predictedQueue;
    }

    public double queueConfidence() {
        return queueConfidence;
    }

    public String predictedPriority() {
        return predictedPriority;
    }

    public double priorityConfidence() {
        return priorityConfidence;
    }

    public Map<String, Double> queueProbabilities() {
        return queueProbabilities == null ? Map.of() : queueProbabilities.byLabel();
    }

    public Map<String, Double> priorityProbabilities() {
        return priorityProbabilities == null ? Map.of() : priorityProbabilities.byLabel();
    }

    public List<Keyword> keywords() {
        return keywords == null ? List.of() : keywords.list();
    }

    public double reviewThreshold() {
        return reviewThreshold;
    }

    public boolean needsReview() {
        return needsReview == 1;
    }

    public String recommendation() {
        return recommendation;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public List<RoutingDecision> routing() {
        return routing == null ? List.of() : routing.decisions();
    }

    public String correctedQueue() {
        return correctedQueue;
    }

    public String correctedPriority() {
        return correctedPriority;
    }

    public String finalQueue() {
        return finalQueue;
    }

    public String finalPriority() {
        return finalPriority;
    }

    /**
     * Whether an urgent-keyword list or a routing rule said this ticket is urgent (a security incident, an outage).
     * A priority the model predicted or an agent set never makes a ticket urgent by itself.
     */
    public boolean urgent() {
        if (urgent != null) {
            return urgent == 1;
        }
        return routing().stream()
                .anyMatch(d -> d.change() != null
                        && java.util.Arrays.asList(d.change().split(";\\s*")).contains(URGENT_CHANGE));
    }

    /** How the routing trail names the change that made a ticket urgent. */
    public static final String URGENT_CHANGE = "urgent";

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }

    /** The answer an imported ticket got, or null. */
    public String answer() {
        return answer;
    }

    /** {@link #CHANNEL_IMPORT}, {@link #CHANNEL_HELPDESK}, {@link #CHANNEL_EMAIL}, or null for the portal and the API. */
    public String channel() {
        return channel;
    }

    /** The last note an agent wrote, or null. */
    public String lastNote() {
        return last("note");
    }

    /** The last reply an agent sent the customer, or null. */
    public String lastReply() {
        return last(FIELD_REPLY);
    }

    private String last(String field) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (field.equals(history.get(i).field())) {
                return history.get(i).to();
            }
        }
        return null;
    }
}

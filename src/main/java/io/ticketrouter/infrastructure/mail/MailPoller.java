package io.ticketrouter.infrastructure.mail;

import io.ticketrouter.application.IncomingMail;
import io.ticketrouter.application.MailIntake;
import io.ticketrouter.application.ModelUnavailableException;
import io.ticketrouter.infrastructure.cluster.MemberId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Reads the support mailbox every {@code ticketrouter.mail.poll-seconds}: each mail in the folder becomes a ticket (or
 * joins the ticket it answers) and is then moved to the processed folder; a mail that must not become a ticket (an
 * auto-reply, a bounce, a list) is moved there without one; one too large or unreadable goes to the quarantine folder.
 * A mail is moved only after its ticket was committed, and a mail read twice (the move did not happen) is taken once
 * by its {@code Message-ID}: a crash loses no mail and makes no ticket twice. In a cluster, one member polls at a
 * time ({@link MailboxLeases}). A mail server that is away is tried again with back-off, said once in the log.
 */
@ApplicationScoped
public class MailPoller {

    private static final Logger LOG = Logger.getLogger(MailPoller.class.getName());

    /** Mails read in one poll at the most (the rest wait for the next). */
    static final int BATCH = 200;

    /** Longest wait between tries while the mail server is away. */
    static final Duration BACK_OFF_MAX = Duration.ofMinutes(5);

    /** {@code ticketrouter_mail_messages_total{result}}: created, added, earlier, ignored, quarantined. */
    static final String MESSAGES = "ticketrouter_mail_messages";

    @Inject
    MailChannel channel;

    @Inject
    MailIntake intake;

    @Inject
    MailboxLeases leases;

    @Inject
    JpaMailQuarantine quarantined;

    @Inject
    MetricRegistry registry;

    @Resource
    ManagedThreadFactory threads;

    /** Polls a mail that could not be taken is tried in, before it goes to the quarantine. */
    static final int ATTEMPTS = 3;

    /**
     * Failed tries by {@code Message-ID}, or by the mail's key in the folder when reading it broke the connection
     * (only this member's poller uses it).
     */
    private final java.util.Map<String, Integer> failures = new java.util.HashMap<>();

    /** The key of the mail being read, while it is read. */
    private String inFlight;

    private volatile boolean running;
    private Thread thread;
    private final Object signal = new Object();
    private Store store;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        channel.problems().forEach(p -> LOG.log(Level.WARNING, "Mail: {0}", p));
        if (!channel.receiving()) {
            return;
        }
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("ticketrouter-mail-poller");
        thread.setDaemon(true);
        thread.start();
        LOG.log(Level.INFO, "Mail: reading {0}/{1} every {2} s", new Object[] {
            channel.imap().shown(), channel.folder(), channel.poll().toSeconds()
        });
    }

    @PreDestroy
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            thread.join(MailChannel.TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            leases.release(MemberId.get());
        } catch (RuntimeException e) {
            // the lease runs out by itself
        }
    }

    private void run() {
        Duration backOff = channel.poll();
        boolean away = false;
        while (running) {
            Duration wait = channel.poll();
            try {
                if (leases.take(MemberId.get(), lease())) {
                    poll();
                }
                if (away) {
                    LOG.log(
                            Level.INFO,
                            "Mail: {0} can be read again",
                            channel.imap().shown());
                    away = false;
                }
                backOff = channel.poll();
            } catch (MessagingException | RuntimeException e) {
                if (inFlight != null) {
                    failures.merge(inFlight, 1, Integer::sum); // a mail that breaks the connection again and again
                    inFlight = null;
                }
                closeStore();
                if (!running) {
                    return;
                }
                if (!away) {
                    LOG.log(
                            Level.WARNING,
                            "Mail: {0} cannot be read ({1}); trying again with back-off, up to every {2} min",
                            new Object[] {channel.imap().shown(), oneLine(e), BACK_OFF_MAX.toMinutes()});
                    away = true;
                }
                backOff = backOff.multipliedBy(2).compareTo(BACK_OFF_MAX) > 0 ? BACK_OFF_MAX : backOff.multipliedBy(2);
                wait = backOff;
            }
            idle(wait);
        }
        closeStore();
    }

    /** Long enough for a poll of a full batch; renewed by every poll. */
    private Duration lease() {
        return channel.poll().multipliedBy(3).plus(MailChannel.TIMEOUT.multipliedBy(3));
    }

    /** One poll: the folder's mails, oldest first, each taken and moved on. */
    void poll() throws MessagingException {
        Store s = store();
        Folder inbox = s.getFolder(channel.folder());
        Folder processed = folder(s, channel.processedFolder());
        Folder quarantine = folder(s, channel.quarantineFolder());
        inbox.open(Folder.READ_WRITE);
        try {
            int count = Math.min(inbox.getMessageCount(), BATCH);
            Message[] batch = count == 0 ? new Message[0] : inbox.getMessages(1, count);
            FetchProfile attributes = new FetchProfile(); // one command for the batch, not three per mail
            attributes.add(UIDFolder.FetchProfileItem.UID);
            attributes.add(FetchProfile.Item.FLAGS);
            attributes.add(FetchProfile.Item.SIZE);
            inbox.fetch(batch, attributes);
            for (Message m : batch) {
                if (!running) {
                    break;
                }
                if (m.isSet(Flags.Flag.DELETED)) {
                    continue;
                }
                String key = key(inbox, m);
                if (failures.getOrDefault(key, 0) >= ATTEMPTS) {
                    failures.remove(key);
                    quarantine(
                            (MimeMessage) m,
                            quarantine,
                            "reading it broke the connection to the mail server " + ATTEMPTS + " times");
                    continue;
                }
                inFlight = key; // counted against this mail should the connection break now
                boolean taken = take((MimeMessage) m, processed, quarantine);
                inFlight = null;
                if (!taken) {
                    break; // no model: the rest waits for the next poll
                }
            }
            moveNoted(inbox);
        } finally {
            moves.clear(); // not moved: read again next time
            inbox.close(true); // expunges the mails moved on
        }
    }

    /** A mail's key in the folder for counting failed tries: its UID where the server has them, else its number. */
    private static String key(Folder folder, Message m) throws MessagingException {
        if (folder instanceof UIDFolder uids) {
            return uids.getUIDValidity() + "/" + uids.getUID(m);
        }
        return "#" + m.getMessageNumber();
    }

    /**
     * Takes one mail and moves it on; false when it must stay for a later poll. The whole mail is fetched once, as
     * the server stores it, and read here: what the reader finds wrong is the mail's, what breaks the fetch is the
     * connection's (the poll ends and is tried again).
     */
    private boolean take(MimeMessage m, Folder processed, Folder quarantine) throws MessagingException {
        int size = m.getSize();
        if (size > channel.maxBytes()) {
            quarantine(m, quarantine, "over the limit of " + channel.maxBytes() / (1024 * 1024) + " MB");
            return true;
        }
        MimeMessage local = new MimeMessage(m); // one fetch of the raw mail; parsed locally from here on
        MailReader.Reading reading = MailReader.read(local, channel.from());
        if (reading instanceof MailReader.Skip skip) {
            LOG.log(Level.FINE, "Mail: no ticket for {0}", skip.reason());
            move(m, processed, "ignored");
        } else if (reading instanceof MailReader.Unreadable unreadable) {
            quarantine(m, quarantine, unreadable.reason());
        } else {
            IncomingMail mail = ((MailReader.Mail) reading).mail();
            MailIntake.Taken taken;
            try {
                taken = intake.take(mail);
            } catch (ModelUnavailableException e) {
                LOG.log(Level.WARNING, "Mail: no model is loaded ({0}); the mails wait", e.getMessage());
                return false;
            } catch (RuntimeException e) {
                int failed = failures.merge(mail.messageId(), 1, Integer::sum);
                if (failed < ATTEMPTS) {
                    LOG.log(
                            Level.WARNING,
                            "Mail: the mail {0} could not be taken ({1}); it is read again at the next poll",
                            new Object[] {mail.messageId(), oneLine(e)});
                    return false;
                }
                failures.remove(mail.messageId());
                quarantine(m, quarantine, "it could not be taken " + ATTEMPTS + " times (" + oneLine(e) + ")");
                return true;
            }
            failures.remove(mail.messageId());
            move(m, processed, taken.result().name().toLowerCase(java.util.Locale.ROOT));
        }
        return true;
    }

    /** Moves a mail to the quarantine folder, lists it for admins and says so in the log. */
    private void quarantine(MimeMessage m, Folder quarantine, String reason) throws MessagingException {
        String from = header(m, "From");
        String shownFrom = from == null ? "(no sender)" : from;
        String subject = header(m, "Subject");
        String id = header(m, "Message-ID");
        LOG.log(Level.WARNING, "Mail: a mail from {0} ({1} bytes) is moved to {2}: {3}", new Object[] {
            shownFrom, m.getSize(), quarantine.getName(), reason
        });
        move(m, quarantine, "quarantined");
        try {
            quarantined.add(from, subject, Math.max(0, m.getSize()), reason, id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail: the quarantined mail could not be listed for admins ({0})", oneLine(e));
        }
    }

    /** A header as text (RFC 2047 words decoded), or null; never fails. */
    private static String header(MimeMessage m, String name) {
        try {
            String value = m.getHeader(name, ", ");
            if (value == null) {
                return null;
            }
            String decoded = jakarta.mail.internet.MimeUtility.decodeText(value.replaceAll("\\s+", " "));
            return decoded.replaceAll("\\p{Cntrl}", "").strip();
        } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Notes a mail to be moved to {@code target} at the end of the round ({@link #moveNoted}): one copy and one flag
     * command per folder for the whole round. A mail taken but not yet moved when the poll breaks off is read again
     * at the next one, and found taken.
     */
    private void move(MimeMessage m, Folder target, String result) {
        moves.computeIfAbsent(target, f -> new ArrayList<>()).add(m);
        registry.counter(
                        Metadata.builder()
                                .withName(MESSAGES)
                                .withDescription("Mails read from the support mailbox, by what became of them")
                                .build(),
                        new Tag("result", result))
                .inc();
    }

    /** Moves the mails noted this round: copied to their folder, flagged deleted (expunged when the inbox closes). */
    private void moveNoted(Folder inbox) throws MessagingException {
        try {
            for (Map.Entry<Folder, List<Message>> e : moves.entrySet()) {
                Message[] mails = e.getValue().toArray(new Message[0]);
                inbox.copyMessages(mails, e.getKey());
                inbox.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
            }
        } finally {
            moves.clear();
        }
    }

    /** The mails to move at the end of this round, by folder. */
    private final Map<Folder, List<Message>> moves = new LinkedHashMap<>();

    /** The folder, made when the mailbox has none of that name yet. */
    private static Folder folder(Store s, String name) throws MessagingException {
        Folder f = s.getFolder(name);
        if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("the folder " + name + " cannot be made");
        }
        return f;
    }

    private Store store() throws MessagingException {
        if (store != null && store.isConnected()) {
            return store;
        }
        closeStore();
        MailChannel.Server imap = channel.imap();
        Session session = Session.getInstance(imap.properties());
        Store s = session.getStore(imap.protocol());
        s.connect(imap.host(), imap.port(), imap.user(), imap.password());
        store = s;
        return s;
    }

    private void closeStore() {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                // gone already
            }
            store = null;
        }
    }

    private void idle(Duration d) {
        synchronized (signal) {
            try {
                if (running) {
                    signal.wait(Math.max(1, d.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}

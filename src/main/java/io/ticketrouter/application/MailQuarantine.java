package io.ticketrouter.application;

import java.time.Instant;
import java.util.List;

/**
 * The mails the channel could not take and moved to the mailbox's quarantine folder (too large, unreadable, failing
 * again and again), newest first, for admins to look at in the mailbox.
 */
public interface MailQuarantine {

    /** Most mails listed at once. */
    int LIST_MAX = 500;

    /** Up to {@code limit} (1 to {@link #LIST_MAX}) quarantined mails, newest first. */
    List<QuarantinedMail> list(int limit);

    /** The folder they are in, or null when the mailbox is not read. */
    String folder();

    /**
     * One quarantined mail: when, from whom (as the mail says), its subject and size, why, and its {@code Message-ID}
     * to find it in the folder.
     */
    record QuarantinedMail(Instant at, String from, String subject, long size, String reason, String messageId) {}
}

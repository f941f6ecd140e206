-- The e-mail channel. Every mail that belongs to a ticket, by its Message-ID: the customer's mail that made it (so a
-- mail is taken once, however often it is read), their replies, and the mails Ticket Router sent (so a reply finds
-- its ticket). A ticket's mails go with it.
CREATE TABLE IF NOT EXISTS ticket_mail (
    message_id VARCHAR(500) NOT NULL,
    ticket_id BIGINT NOT NULL,
    direction VARCHAR(8) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    CONSTRAINT ticket_mail_pkey PRIMARY KEY (message_id),
    CONSTRAINT fk_ticket_mail_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS ticket_mail_ticket_idx ON ticket_mail (ticket_id);
-- The files a customer's mail carried (listed, not stored).
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS attachments VARCHAR(8000);
-- Customers' messages and agents' replies are kept whole in the history.
ALTER TABLE ticket_history ALTER COLUMN to_value SET DATA TYPE VARCHAR(10000);
-- The mail intake's lock (row 2 of the intake locks; row 1 is the helpdesk's).
INSERT INTO helpdesk_intake (id) SELECT 2 WHERE NOT EXISTS (SELECT 1 FROM helpdesk_intake WHERE id = 2);
-- Which member polls the mailbox: one at a time, for as long as its lease runs.
CREATE TABLE IF NOT EXISTS mail_poll_lease (
    id INTEGER NOT NULL,
    lease_owner VARCHAR(64),
    lease_until TIMESTAMP,
    CONSTRAINT mail_poll_lease_pkey PRIMARY KEY (id)
);
INSERT INTO mail_poll_lease (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM mail_poll_lease WHERE id = 1);
-- The mails moved to the mailbox's quarantine folder (too large, unreadable), as admins see them listed.
CREATE TABLE IF NOT EXISTS mail_quarantine (
    id VARCHAR(36) NOT NULL,
    quarantined_at TIMESTAMP NOT NULL,
    sender VARCHAR(254),
    subject VARCHAR(300),
    size_bytes BIGINT NOT NULL,
    reason VARCHAR(500) NOT NULL,
    message_id VARCHAR(500),
    CONSTRAINT mail_quarantine_pkey PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS mail_quarantine_at_idx ON mail_quarantine (quarantined_at);

-- The outbox: every ticket change that is to leave Ticket Router (a webhook) is written here in the transaction of
-- the change, one event row and one delivery row per receiver, and sent from here by the members of the cluster.
-- A ticket's events are ordered by the ticket's version (its row's change counter), whichever member made them.
CREATE SEQUENCE IF NOT EXISTS outbox_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE IF NOT EXISTS outbox_event (
    id BIGINT NOT NULL,
    event_id VARCHAR(36) NOT NULL,
    event_type VARCHAR(32) NOT NULL,
    ticket_reference VARCHAR(24) NOT NULL,
    ticket_version BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    body VARCHAR(10000000) NOT NULL,
    CONSTRAINT outbox_event_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS outbox_event_id_uq ON outbox_event (event_id);

CREATE SEQUENCE IF NOT EXISTS outbox_delivery_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE IF NOT EXISTS outbox_delivery (
    id BIGINT NOT NULL,
    event BIGINT NOT NULL,
    receiver VARCHAR(2000) NOT NULL,
    ticket_reference VARCHAR(24) NOT NULL,
    ticket_version BIGINT NOT NULL,
    state VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_owner VARCHAR(64),
    lease_until TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_status INTEGER,
    last_error VARCHAR(500),
    delivered_at TIMESTAMP,
    CONSTRAINT outbox_delivery_pkey PRIMARY KEY (id),
    CONSTRAINT fk_outbox_delivery_event FOREIGN KEY (event) REFERENCES outbox_event (id)
);
CREATE INDEX IF NOT EXISTS outbox_delivery_due_idx ON outbox_delivery (receiver, state, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_delivery_ticket_idx ON outbox_delivery (receiver, ticket_reference, state, ticket_version);
CREATE INDEX IF NOT EXISTS outbox_delivery_event_idx ON outbox_delivery (event);

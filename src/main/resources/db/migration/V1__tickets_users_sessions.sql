-- Ticket Router's schema, for H2 and PostgreSQL alike. Every statement keeps what exists, so that this version also
-- completes a database written before the schema was versioned (Flyway takes such a database as version 0): it
-- creates what is missing and adds the columns that releases of that time added as they started.

CREATE SEQUENCE IF NOT EXISTS ticket_seq START WITH 20 INCREMENT BY 20;

CREATE TABLE IF NOT EXISTS ticket (
    id BIGINT NOT NULL,
    version BIGINT,
    reference VARCHAR(24) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    status VARCHAR(16) NOT NULL,
    subject VARCHAR(300) NOT NULL,
    body VARCHAR(10000) NOT NULL,
    customer_name VARCHAR(200),
    customer_email VARCHAR(254),
    language VARCHAR(16) NOT NULL,
    predicted_queue VARCHAR(100) NOT NULL,
    queue_confidence DOUBLE PRECISION NOT NULL,
    predicted_priority VARCHAR(32) NOT NULL,
    priority_confidence DOUBLE PRECISION NOT NULL,
    queue_probabilities VARCHAR(8000),
    priority_probabilities VARCHAR(2000),
    keywords VARCHAR(8000),
    review_threshold DOUBLE PRECISION NOT NULL,
    needs_review INTEGER NOT NULL,
    urgent INTEGER,
    recommendation VARCHAR(1000),
    model_version VARCHAR(100) NOT NULL,
    routing VARCHAR(4000),
    corrected_queue VARCHAR(100),
    corrected_priority VARCHAR(32),
    final_queue VARCHAR(100) NOT NULL,
    final_priority VARCHAR(32) NOT NULL,
    status_token_digest VARCHAR(64),
    CONSTRAINT ticket_pkey PRIMARY KEY (id)
);
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS urgent INTEGER;
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS status_token_digest VARCHAR(64);
CREATE UNIQUE INDEX IF NOT EXISTS ticket_reference_uq ON ticket (reference);
CREATE INDEX IF NOT EXISTS ticket_final_queue_idx ON ticket (final_queue, id);
CREATE INDEX IF NOT EXISTS ticket_final_priority_idx ON ticket (final_priority, id);
CREATE INDEX IF NOT EXISTS ticket_status_idx ON ticket (status, id);
CREATE INDEX IF NOT EXISTS ticket_language_idx ON ticket (language, id);
CREATE INDEX IF NOT EXISTS ticket_needs_review_idx ON ticket (needs_review, id);

CREATE TABLE IF NOT EXISTS ticket_history (
    ticket_id BIGINT,
    position INTEGER,
    changed_at TIMESTAMP NOT NULL,
    actor VARCHAR(200) NOT NULL,
    field VARCHAR(32) NOT NULL,
    from_value VARCHAR(200),
    to_value VARCHAR(2000),
    CONSTRAINT fk_ticket_history_ticket_id FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);

CREATE TABLE IF NOT EXISTS tr_user (
    username VARCHAR(64) NOT NULL,
    username_key VARCHAR(64),
    role VARCHAR(16) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT tr_user_pkey PRIMARY KEY (username)
);
ALTER TABLE tr_user ADD COLUMN IF NOT EXISTS username_key VARCHAR(64);
CREATE UNIQUE INDEX IF NOT EXISTS tr_user_key_uq ON tr_user (username_key);

CREATE TABLE IF NOT EXISTS tr_session (
    token_digest VARCHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    CONSTRAINT tr_session_pkey PRIMARY KEY (token_digest)
);
CREATE INDEX IF NOT EXISTS tr_session_user ON tr_session (username);

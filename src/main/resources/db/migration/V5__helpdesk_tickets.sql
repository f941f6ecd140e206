-- Tickets a helpdesk sent through a connector: the connector's name, the helpdesk's id of the ticket and the link to
-- it there. One ticket per helpdesk ticket: a redelivered or repeated call finds the ticket it made.
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS external_source VARCHAR(64);
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS external_id VARCHAR(100);
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS external_url VARCHAR(2000);
CREATE UNIQUE INDEX IF NOT EXISTS ticket_external_uq ON ticket (external_source, external_id);

-- Imported history: the answer a past ticket got, and the channel a ticket came in by ('import' for imported
-- history; NULL for the portal and the API). The similar-ticket index catches up on changes by updated_at.
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS answer VARCHAR(10000);
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS channel VARCHAR(16);
CREATE INDEX IF NOT EXISTS ticket_updated_at_idx ON ticket (updated_at);

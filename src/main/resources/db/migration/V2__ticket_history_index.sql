-- A ticket's history is read by ticket: for every ticket read, and for a whole page of the list in one query.
-- H2 indexes the foreign key by itself; PostgreSQL does not, and scanned the whole table for each read.
CREATE INDEX IF NOT EXISTS ticket_history_ticket_idx ON ticket_history (ticket_id, position);

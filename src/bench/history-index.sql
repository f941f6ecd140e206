-- How long PostgreSQL takes to read the history of one page of tickets (20 tickets, the list's batch query) with
-- 100,000 tickets and 300,000 history rows, without and with the index of migration V2. In a scratch schema that is
-- dropped at the end:  psql -h 127.0.0.1 -U postgres -d test -f src/bench/history-index.sql | grep -E 'Scan|Time'
DROP SCHEMA IF EXISTS tr_bench_history CASCADE;
CREATE SCHEMA tr_bench_history;
SET search_path TO tr_bench_history;
CREATE TABLE ticket (id BIGINT PRIMARY KEY);
CREATE TABLE ticket_history (
    ticket_id BIGINT REFERENCES ticket (id), position INTEGER, changed_at TIMESTAMP NOT NULL,
    actor VARCHAR(200) NOT NULL, field VARCHAR(32) NOT NULL, from_value VARCHAR(200), to_value VARCHAR(2000));
INSERT INTO ticket SELECT g FROM generate_series(1, 100000) g;
INSERT INTO ticket_history
    SELECT (g % 100000) + 1, g / 100000, now(), 'agent', 'status', 'open', 'in_progress'
    FROM generate_series(0, 299999) g;
ANALYZE;
\echo without the index
EXPLAIN ANALYZE SELECT * FROM ticket_history WHERE ticket_id IN (SELECT generate_series(99981, 100000))
    ORDER BY ticket_id, position;
CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, position);
ANALYZE;
\echo with the index
EXPLAIN ANALYZE SELECT * FROM ticket_history WHERE ticket_id IN (SELECT generate_series(99981, 100000))
    ORDER BY ticket_id, position;
DROP SCHEMA tr_bench_history CASCADE;

-- Benchmark (not a test): PostgreSQL's own full-text search as the similar-ticket engine, for comparison with the
-- Lucene index. Reads the 100,000 tickets src/bench/similar-scale.sh wrote to /tmp/similar-scale/tickets.csv into a
-- scratch schema, builds a tsvector per ticket in its language and a GIN index, then times five look-ups: an OR of the
-- ticket's lexemes, ranked by ts_rank, top 5.
--   psql -h 127.0.0.1 -U postgres -d test -f src/bench/postgres-fulltext.sql | grep Time
\timing off
DROP SCHEMA IF EXISTS fts_bench CASCADE;
CREATE SCHEMA fts_bench;
SET search_path = fts_bench;
CREATE TABLE t (id SERIAL PRIMARY KEY, subject TEXT, body TEXT, queue TEXT, priority TEXT, language TEXT, answer TEXT);
\copy t (subject, body, queue, priority, language, answer) FROM '/tmp/similar-scale/tickets.csv' WITH (FORMAT csv, HEADER true)
ALTER TABLE t ADD COLUMN doc tsvector;
\timing on
UPDATE t SET doc = to_tsvector((CASE language WHEN 'de' THEN 'german' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'pt' THEN 'portuguese' ELSE 'english' END)::regconfig, subject || ' ' || body);
CREATE INDEX t_doc ON t USING gin (doc);
ANALYZE t;
\timing off
SELECT count(*) FROM t;
CREATE OR REPLACE FUNCTION similar_to(q_id int) RETURNS TABLE(id int, rank real) LANGUAGE sql AS $$
  WITH q AS (SELECT to_tsquery('simple', string_agg(quote_literal(l), ' | ')) AS query
             FROM t, unnest(tsvector_to_array(t.doc)) AS l WHERE t.id = q_id)
  SELECT t.id, ts_rank(t.doc, q.query) AS rank FROM t, q WHERE t.doc @@ q.query AND t.id <> q_id
  ORDER BY rank DESC LIMIT 5 $$;
\timing on
SELECT count(*) FROM similar_to(12345);
SELECT count(*) FROM similar_to(777);
SELECT count(*) FROM similar_to(55555);
SELECT count(*) FROM similar_to(91011);
SELECT count(*) FROM similar_to(4242);
DROP SCHEMA fts_bench CASCADE;

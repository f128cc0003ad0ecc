-- Issue 18: the outbox row is written inside every ingest transaction, so each of its indexes is paid on the ingest
-- path. Two of the three were not earning that:
-- * event_id: a stored record's event id is unique by construction (one event per newly inserted (device_id, seq),
--   and the records table refuses a second copy), so only the kinds that can be appended twice (a status re-sent, an
--   alert or case change evaluated twice) need the database to drop the copy. A random UUID b-tree touched by every
--   record was the most expensive index of the row.
-- * created_at: only replay (a time range) and pruning (older than) read it, and rows arrive in time order, so a BRIN
--   index (a few pages for millions of rows) serves both at almost no insert cost.
DROP INDEX forward_outbox_event;
CREATE UNIQUE INDEX forward_outbox_event ON forward_outbox (event_id)
  WHERE kind NOT IN ('utterance', 'conversation', 'telemetry');
DROP INDEX forward_outbox_time;
CREATE INDEX forward_outbox_time ON forward_outbox USING brin (created_at);

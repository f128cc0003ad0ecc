-- Issue 18: as on PostgreSQL, a stored record's event id is unique by construction (one event per newly inserted
-- (device_id, seq)), so only the kinds that can be appended twice (status, alert, case) keep a unique index on it.
-- SQLite has no BRIN; the created_at b-tree stays.
DROP INDEX forward_outbox_event;
CREATE UNIQUE INDEX forward_outbox_event ON forward_outbox (event_id)
  WHERE kind NOT IN ('utterance', 'conversation', 'telemetry');

-- Issue 18: SeqRanges used to rewrite a device's range row (DELETE + INSERT) in every ingest transaction, leaving a dead
-- row version and dead entries in two indexes each time, which every later statement read until a vacuum. It now
-- extends the newest range in place (UPDATE to_seq). PostgreSQL makes that a HOT update (no new index entry, the dead
-- version pruned on the page) only if no indexed column changes and the page has room:
-- * drop the (device_id, to_seq) index; "the range ending at x" is found through the primary key instead (the range
--   with the greatest from_seq <= x, then its to_seq checked);
-- * leave half of each page free. The table holds one row per range (devices x gaps): small, so the space is cheap.
--   CLUSTER rewrites the existing rows with the new fillfactor (allowed in a transaction when a table is named).
DROP INDEX device_seq_ranges_to;
ALTER TABLE device_seq_ranges SET (fillfactor = 50);
CLUSTER device_seq_ranges USING device_seq_ranges_pkey;

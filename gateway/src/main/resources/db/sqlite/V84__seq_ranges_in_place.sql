-- Issue 18: as on PostgreSQL (see its V84): SeqRanges extends a device's newest range in place and finds "the range
-- ending at x" through the primary key, so the (device_id, to_seq) index goes. SQLite has no fillfactor.
DROP INDEX device_seq_ranges_to;

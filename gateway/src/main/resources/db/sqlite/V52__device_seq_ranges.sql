-- Issue 14, fleet at scale: each device's stored sequence numbers as contiguous ranges, kept by the store as records
-- are inserted (and rebuilt for a device after a forget), so coverage (stored, max seq, gaps) is O(ranges), not a scan
-- of every record. Filled here from the records already stored ("islands": seq - row_number is constant in a run).
CREATE TABLE device_seq_ranges (
  device_id TEXT   NOT NULL,
  from_seq  BIGINT NOT NULL,
  to_seq    BIGINT NOT NULL,
  PRIMARY KEY (device_id, from_seq)
);
CREATE INDEX device_seq_ranges_to ON device_seq_ranges (device_id, to_seq);
INSERT INTO device_seq_ranges (device_id, from_seq, to_seq)
  SELECT device_id, MIN(seq), MAX(seq) FROM
    (SELECT device_id, seq, seq - ROW_NUMBER() OVER (PARTITION BY device_id ORDER BY seq) AS run FROM records) r
  GROUP BY device_id, run;

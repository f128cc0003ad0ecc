-- Issue 13: dead letters an operator can work with. reason_code is the stable code (the voc_dead_letters{reason}
-- metric label) beside the human text in reason; redriven_at/redrive_outcome record `voc-gateway dead-letters redrive`.
-- Rows from before this migration get a code derived from their text where it is unambiguous, 'unclassified' otherwise.
ALTER TABLE dead_letters ADD COLUMN reason_code TEXT NOT NULL DEFAULT 'unclassified';
ALTER TABLE dead_letters ADD COLUMN redriven_at TIMESTAMPTZ;
ALTER TABLE dead_letters ADD COLUMN redrive_outcome TEXT;
UPDATE dead_letters SET reason_code = 'store_refused' WHERE reason LIKE 'store refused%';
CREATE INDEX dead_letters_reason_time ON dead_letters (reason_code, received_at);

-- Issue 15's feedback loop: an analyst's correction of one utterance's topics, sentiment and flags, made on the
-- console's conversation page and exported as training data (voc-gateway corrections export -> voc-device insights
-- train --corrections). No copy of the text: the export joins records, so a record forgotten for privacy leaves
-- nothing here to train on. The newest correction of a record wins.
CREATE TABLE insight_corrections (
  id            INTEGER     PRIMARY KEY AUTOINCREMENT,
  device_id     TEXT        NOT NULL,
  seq           INTEGER     NOT NULL,
  site          TEXT        NOT NULL,
  topics        TEXT        NOT NULL,
  sentiment     TEXT        NOT NULL,
  flags         TEXT        NOT NULL,
  who           TEXT        NOT NULL,
  corrected_at  TEXT        NOT NULL
);
CREATE INDEX insight_corrections_record ON insight_corrections (device_id, seq);
CREATE INDEX insight_corrections_time ON insight_corrections (corrected_at);

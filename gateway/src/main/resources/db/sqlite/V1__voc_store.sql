-- VoC store, SQLite (embedded default). Same logical schema as db/postgresql; times are ISO-8601 UTC text; see gateway/README.md for the column meanings.
CREATE TABLE records (
  device_id        TEXT             NOT NULL,
  seq              INTEGER           NOT NULL,
  schema_id        TEXT             NOT NULL,
  kind             TEXT             NOT NULL,
  site             TEXT             NOT NULL,
  conversation_id  TEXT,
  speaker_role     TEXT,
  lang             TEXT,
  text             TEXT,
  sentiment        TEXT,
  sentiment_score  REAL,
  lexicon_version  TEXT,
  recorded_at      TEXT             NOT NULL,
  clock_synced     INTEGER          NOT NULL,
  boot_id          TEXT             NOT NULL,
  mono_ms          INTEGER           NOT NULL,
  received_at      TEXT             NOT NULL,
  corrected_at     TEXT             NOT NULL,
  gateway_id       TEXT             NOT NULL,
  payload          TEXT             NOT NULL,
  PRIMARY KEY (device_id, seq)
);
CREATE INDEX records_site_time ON records (site, corrected_at);
CREATE INDEX records_kind_time ON records (kind, corrected_at);
CREATE INDEX records_conversation ON records (conversation_id);
CREATE INDEX records_sentiment_time ON records (sentiment, corrected_at);
CREATE INDEX records_speaker_time ON records (speaker_role, corrected_at);

CREATE TABLE record_topics (
  device_id        TEXT   NOT NULL,
  seq              INTEGER NOT NULL,
  topic_id         TEXT   NOT NULL,
  topic_sentiment  TEXT,
  PRIMARY KEY (device_id, seq, topic_id)
);
CREATE INDEX record_topics_topic ON record_topics (topic_id);

CREATE TABLE dead_letters (
  id               INTEGER     PRIMARY KEY AUTOINCREMENT,
  received_at      TEXT        NOT NULL,
  gateway_id       TEXT        NOT NULL,
  topic            TEXT        NOT NULL,
  device_id        TEXT,
  seq              INTEGER,
  reason           TEXT        NOT NULL,
  payload          TEXT        NOT NULL,
  payload_encoding TEXT        NOT NULL,
  payload_bytes    INTEGER     NOT NULL
);
CREATE INDEX dead_letters_time ON dead_letters (received_at);
CREATE INDEX dead_letters_device ON dead_letters (device_id);

CREATE TABLE devices (
  device_id        TEXT        PRIMARY KEY,
  site             TEXT        NOT NULL,
  name             TEXT        NOT NULL,
  cert_fingerprint TEXT,
  state            TEXT        NOT NULL,
  registered_at    TEXT        NOT NULL,
  revoked_at       TEXT       ,
  last_seen        TEXT       ,
  online           INTEGER     NOT NULL DEFAULT 0,
  software_version TEXT,
  outbox_depth     INTEGER,
  status_at        TEXT       ,
  last_status      TEXT
);
CREATE UNIQUE INDEX devices_site_name ON devices (site, name);

CREATE TABLE command_results (
  command_id       TEXT        PRIMARY KEY,
  device_id        TEXT        NOT NULL,
  ok               INTEGER     NOT NULL,
  message          TEXT,
  received_at      TEXT        NOT NULL,
  payload          TEXT        NOT NULL
);

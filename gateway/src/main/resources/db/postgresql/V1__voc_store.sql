-- VoC store, PostgreSQL. Same logical schema as db/sqlite; see gateway/README.md for the column meanings.
CREATE TABLE records (
  device_id        TEXT             NOT NULL,
  seq              BIGINT           NOT NULL,
  schema_id        TEXT             NOT NULL,
  kind             TEXT             NOT NULL,
  site             TEXT             NOT NULL,
  conversation_id  TEXT,
  speaker_role     TEXT,
  lang             TEXT,
  text             TEXT,
  sentiment        TEXT,
  sentiment_score  DOUBLE PRECISION,
  lexicon_version  TEXT,
  recorded_at      TIMESTAMPTZ      NOT NULL,
  clock_synced     BOOLEAN          NOT NULL,
  boot_id          TEXT             NOT NULL,
  mono_ms          BIGINT           NOT NULL,
  received_at      TIMESTAMPTZ      NOT NULL,
  corrected_at     TIMESTAMPTZ      NOT NULL,
  gateway_id       TEXT             NOT NULL,
  payload          JSONB            NOT NULL,
  PRIMARY KEY (device_id, seq)
);
CREATE INDEX records_site_time ON records (site, corrected_at);
CREATE INDEX records_kind_time ON records (kind, corrected_at);
CREATE INDEX records_conversation ON records (conversation_id);
CREATE INDEX records_sentiment_time ON records (sentiment, corrected_at);
CREATE INDEX records_speaker_time ON records (speaker_role, corrected_at);

CREATE TABLE record_topics (
  device_id        TEXT   NOT NULL,
  seq              BIGINT NOT NULL,
  topic_id         TEXT   NOT NULL,
  topic_sentiment  TEXT,
  PRIMARY KEY (device_id, seq, topic_id)
);
CREATE INDEX record_topics_topic ON record_topics (topic_id);

CREATE TABLE dead_letters (
  id               BIGSERIAL   PRIMARY KEY,
  received_at      TIMESTAMPTZ NOT NULL,
  gateway_id       TEXT        NOT NULL,
  topic            TEXT        NOT NULL,
  device_id        TEXT,
  seq              BIGINT,
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
  registered_at    TIMESTAMPTZ NOT NULL,
  revoked_at       TIMESTAMPTZ,
  last_seen        TIMESTAMPTZ,
  online           BOOLEAN     NOT NULL DEFAULT FALSE,
  software_version TEXT,
  outbox_depth     BIGINT,
  status_at        TIMESTAMPTZ,
  last_status      JSONB
);
CREATE UNIQUE INDEX devices_site_name ON devices (site, name);

CREATE TABLE command_results (
  command_id       TEXT        PRIMARY KEY,
  device_id        TEXT        NOT NULL,
  ok               BOOLEAN     NOT NULL,
  message          TEXT,
  received_at      TIMESTAMPTZ NOT NULL,
  payload          JSONB       NOT NULL
);

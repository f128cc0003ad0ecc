-- Issue 17 (PostgreSQL; same logical schema as db/sqlite): alerts, their deliveries (one row per alert x channel x escalation step), burst groups, cases and
-- their audit trail. Times are epoch milliseconds (BIGINT in both stores: exact ordering, no text comparison).
CREATE TABLE alerts (
  id               TEXT    PRIMARY KEY,
  dedupe_key       TEXT    NOT NULL UNIQUE,
  rule_id          TEXT    NOT NULL,
  rule_kind        TEXT    NOT NULL,
  severity         TEXT    NOT NULL,
  site             TEXT    NOT NULL,
  device_id        TEXT,
  conversation_id  TEXT,
  record_seq       BIGINT,
  title            TEXT    NOT NULL,
  detail           TEXT,
  lang             TEXT    NOT NULL,
  fired_at         BIGINT  NOT NULL,
  committed_at     BIGINT  NOT NULL,
  case_id          TEXT    NOT NULL
);
CREATE INDEX alerts_site_time ON alerts (site, fired_at);
CREATE INDEX alerts_case ON alerts (case_id);

CREATE TABLE alert_deliveries (
  id               BIGSERIAL PRIMARY KEY,
  alert_id         TEXT    NOT NULL,
  channel_id       TEXT    NOT NULL,
  step             BIGINT  NOT NULL,
  recipient        TEXT,
  site             TEXT    NOT NULL,
  state            TEXT    NOT NULL,
  attempts         BIGINT  NOT NULL DEFAULT 0,
  next_attempt_at  BIGINT  NOT NULL,
  created_at       BIGINT  NOT NULL,
  batch_id         TEXT,
  lease_owner      TEXT,
  lease_until      BIGINT,
  last_error       TEXT,
  delivered_at     BIGINT,
  UNIQUE (alert_id, channel_id, step)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_attempt_at);
CREATE INDEX alert_deliveries_batch ON alert_deliveries (batch_id);

CREATE TABLE alert_groups (
  channel_id       TEXT    NOT NULL,
  site             TEXT    NOT NULL,
  last_sent_at     BIGINT  NOT NULL,
  PRIMARY KEY (channel_id, site)
);

CREATE TABLE cases (
  id               TEXT    PRIMARY KEY,
  case_key         TEXT    NOT NULL,
  site             TEXT    NOT NULL,
  title            TEXT    NOT NULL,
  severity         TEXT    NOT NULL,
  state            TEXT    NOT NULL,
  owner            TEXT,
  roster_id        TEXT,
  chain_step       BIGINT  NOT NULL DEFAULT 0,
  step_started_at  BIGINT  NOT NULL,
  opened_at        BIGINT  NOT NULL,
  acked_at         BIGINT,
  resolved_at      BIGINT,
  resolution       TEXT,
  alert_count      BIGINT  NOT NULL DEFAULT 1
);
-- One case per conversation or device problem while it is not resolved.
CREATE UNIQUE INDEX cases_open_key ON cases (case_key) WHERE state <> 'resolved';
CREATE INDEX cases_site_state ON cases (site, state);

CREATE TABLE case_events (
  id               BIGSERIAL PRIMARY KEY,
  case_id          TEXT    NOT NULL,
  at               BIGINT  NOT NULL,
  actor            TEXT    NOT NULL,
  action           TEXT    NOT NULL,
  note             TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, at);

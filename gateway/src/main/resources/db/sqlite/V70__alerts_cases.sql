-- Issue 17: alerts, their deliveries (one row per alert x channel x escalation step), burst groups, cases and
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
  record_seq       INTEGER,
  title            TEXT    NOT NULL,
  detail           TEXT,
  lang             TEXT    NOT NULL,
  fired_at         INTEGER NOT NULL,
  committed_at     INTEGER NOT NULL,
  case_id          TEXT    NOT NULL
);
CREATE INDEX alerts_site_time ON alerts (site, fired_at);
CREATE INDEX alerts_case ON alerts (case_id);

CREATE TABLE alert_deliveries (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id         TEXT    NOT NULL,
  channel_id       TEXT    NOT NULL,
  step             INTEGER NOT NULL,
  recipient        TEXT,
  site             TEXT    NOT NULL,
  state            TEXT    NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  batch_id         TEXT,
  lease_owner      TEXT,
  lease_until      INTEGER,
  last_error       TEXT,
  delivered_at     INTEGER,
  UNIQUE (alert_id, channel_id, step)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_attempt_at);
CREATE INDEX alert_deliveries_batch ON alert_deliveries (batch_id);

CREATE TABLE alert_groups (
  channel_id       TEXT    NOT NULL,
  site             TEXT    NOT NULL,
  last_sent_at     INTEGER NOT NULL,
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
  chain_step       INTEGER NOT NULL DEFAULT 0,
  step_started_at  INTEGER NOT NULL,
  opened_at        INTEGER NOT NULL,
  acked_at         INTEGER,
  resolved_at      INTEGER,
  resolution       TEXT,
  alert_count      INTEGER NOT NULL DEFAULT 1
);
-- One case per conversation or device problem while it is not resolved.
CREATE UNIQUE INDEX cases_open_key ON cases (case_key) WHERE state <> 'resolved';
CREATE INDEX cases_site_state ON cases (site, state);

CREATE TABLE case_events (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id          TEXT    NOT NULL,
  at               INTEGER NOT NULL,
  actor            TEXT    NOT NULL,
  action           TEXT    NOT NULL,
  note             TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, at);

-- Issue 17: alert rules made in the console (the YAML ones stay in the gateway config). definition: the rule's fields
-- as JSON, exactly as an entry of alerts.rules (read by the same strict reader). alert_rules_version is bumped in the
-- transaction of every change; each gateway polls it (alerts.rules_reload_every) and reloads its rules when it moved.
CREATE TABLE alert_rules (
  id          TEXT    PRIMARY KEY,
  name        TEXT,
  definition  TEXT    NOT NULL,
  enabled     BIGINT  NOT NULL,
  created_by  TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL,
  updated_by  TEXT    NOT NULL,
  updated_at  BIGINT  NOT NULL
);

-- Every change: who, what, the rule before and after (JSON snapshots; null before a create, after a delete).
CREATE TABLE alert_rule_events (
  id          BIGSERIAL PRIMARY KEY,
  at          BIGINT  NOT NULL,
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  rule_id     TEXT    NOT NULL,
  before_rule TEXT,
  after_rule  TEXT
);
CREATE INDEX alert_rule_events_rule ON alert_rule_events (rule_id, id);

CREATE TABLE alert_rules_version (
  id       BIGINT  PRIMARY KEY,
  version  BIGINT  NOT NULL
);
INSERT INTO alert_rules_version (id, version) VALUES (1, 0);

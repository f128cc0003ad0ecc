-- Issue 14, the console: users and API tokens (roles and sites), the audit log of transcript reads, the search index
-- (Han unigrams and bigrams, lower-cased words) kept at insert time, and daily roll-ups behind the Trends page.
CREATE TABLE console_users (
  name          TEXT        PRIMARY KEY,
  role          TEXT        NOT NULL,
  sites         TEXT        NOT NULL,  -- comma-separated site ids; empty for roles that see every site
  password_hash TEXT        NOT NULL,  -- Argon2id, PHC string
  created_at    TIMESTAMPTZ NOT NULL
);
CREATE TABLE console_tokens (
  token_id      TEXT        PRIMARY KEY,  -- public part of the token, shown in the audit log
  name          TEXT        NOT NULL,
  role          TEXT        NOT NULL,
  sites         TEXT        NOT NULL,
  secret_sha256 TEXT        NOT NULL,     -- the secret part is 32 random bytes: a fast hash is enough
  created_at    TIMESTAMPTZ NOT NULL
);
CREATE TABLE console_audit (
  id     BIGSERIAL   PRIMARY KEY,
  at     TIMESTAMPTZ NOT NULL,
  actor  TEXT        NOT NULL,
  action TEXT        NOT NULL,
  target TEXT,
  site   TEXT,
  detail TEXT
);
CREATE INDEX console_audit_at ON console_audit (at);
CREATE TABLE search_terms (
  term      TEXT        NOT NULL,
  site      TEXT        NOT NULL,
  at        TIMESTAMPTZ NOT NULL,
  device_id TEXT        NOT NULL,
  seq       BIGINT      NOT NULL
);
CREATE INDEX search_terms_term_at ON search_terms (term, at);
CREATE INDEX search_terms_term_site_at ON search_terms (term, site, at);
CREATE TABLE trend_topic_day (
  day       TEXT   NOT NULL,
  site      TEXT   NOT NULL,
  topic_id  TEXT   NOT NULL,
  mentions  BIGINT NOT NULL,
  negative  BIGINT NOT NULL,
  PRIMARY KEY (day, site, topic_id)
);
CREATE TABLE trend_conversation_day (
  day            TEXT             NOT NULL,
  site           TEXT             NOT NULL,
  conversations  BIGINT           NOT NULL,
  greeting       BIGINT           NOT NULL,
  thanks         BIGINT           NOT NULL,
  no_profanity   BIGINT           NOT NULL,
  attention      BIGINT           NOT NULL,
  score_sum      DOUBLE PRECISION NOT NULL,
  score_n        BIGINT           NOT NULL,
  PRIMARY KEY (day, site)
);
CREATE INDEX records_kind_site_time ON records (kind, site, corrected_at);
CREATE INDEX records_device_conversation ON records (device_id, conversation_id);

-- Issue 11: lexicons published with 'voc-gateway lexicon publish' (the YAML itself, never a path). The newest row for
-- a device's site, or for every site ('*'), is what the gateway keeps retained on that device's down/lexicon topic.
CREATE TABLE lexicon_publications (
  id           BIGSERIAL   PRIMARY KEY,
  site         TEXT        NOT NULL,
  version      TEXT        NOT NULL,
  sha256       TEXT        NOT NULL,
  size_bytes   INTEGER     NOT NULL,
  content      TEXT        NOT NULL,
  published_at TIMESTAMPTZ NOT NULL,
  published_by TEXT        NOT NULL
);
CREATE INDEX lexicon_publications_site ON lexicon_publications (site, id);

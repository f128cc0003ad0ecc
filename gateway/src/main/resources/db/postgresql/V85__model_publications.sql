-- Issue 15: insight models published with 'voc-gateway model publish' (the file itself, never a path). The newest row
-- for a device's site, or for every site ('*'), is the model whose manifest the gateway keeps retained on that device's
-- down/model topic and whose chunks it serves on down/model_chunk. At most 8 MiB per row (Limits.MAX_MODEL_BYTES).
CREATE TABLE model_publications (
  id           BIGSERIAL   PRIMARY KEY,
  site         TEXT        NOT NULL,
  version      TEXT        NOT NULL,
  sha256       TEXT        NOT NULL,
  size_bytes   INTEGER     NOT NULL,
  content      BYTEA       NOT NULL,
  published_at TIMESTAMPTZ NOT NULL,
  published_by TEXT        NOT NULL
);
CREATE INDEX model_publications_site ON model_publications (site, id);

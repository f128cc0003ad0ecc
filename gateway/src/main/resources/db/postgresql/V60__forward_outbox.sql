-- Forwarding outbox (issue 18): events written in the same transaction as the records they describe, drained by the
-- forwarders (Kafka, HTTP). See gateway/README.md "Forwarding" and protocol/README.md "What the central platform receives".
-- One ordered sequence per device key: the row in forward_device is locked by the transaction that appends, so a
-- device's events commit in dseq order and a forwarder that publishes in dseq order keeps the device's order.
CREATE TABLE forward_device (
  device_key  TEXT   PRIMARY KEY,
  last_dseq   BIGINT NOT NULL
);

CREATE TABLE forward_outbox (
  device_key  TEXT        NOT NULL,
  dseq        BIGINT      NOT NULL,
  event_id    TEXT        NOT NULL,
  kind        TEXT        NOT NULL,
  schema_id   TEXT        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  gateway_id  TEXT        NOT NULL,
  payload     TEXT        NOT NULL,
  bytes       INTEGER     NOT NULL,
  PRIMARY KEY (device_key, dseq)
);
CREATE UNIQUE INDEX forward_outbox_event ON forward_outbox (event_id);
CREATE INDEX forward_outbox_time ON forward_outbox (created_at);

-- Per sink and device key: the last dseq the sink has published. A forwarder claims a device by locking its row
-- (FOR UPDATE SKIP LOCKED), so several gateways on one database never publish one device's events at the same time.
CREATE TABLE forward_cursor (
  sink        TEXT        NOT NULL,
  device_key  TEXT        NOT NULL,
  sent_dseq   BIGINT      NOT NULL,
  sent_at     TIMESTAMPTZ,
  PRIMARY KEY (sink, device_key)
);

package io.vocedge.protocol;

import java.time.Instant;

/**
 * A device's outbox as its status reports it (optional {@code outbox} of {@code voc.status/1}): what waits for an
 * ack, since when, the last sequence number handed out and how many records the outbox bound evicted. With the
 * store's per-device coverage an operator can tell "not sent yet" from "lost".
 *
 * @param oldestUnsentAt wall-clock creation time of the oldest unacked record; null when the outbox is empty
 */
public record OutboxState(long depth, Instant oldestUnsentAt, long lastSeq, long evicted) {}

package io.vocedge.gateway.alerts;

import io.vocedge.gateway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The delivery rows as a durable queue shared by every gateway on one store. A worker claims due rows in a short
 * transaction ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so two gateways never claim the same row; SQLite has one
 * gateway), stamps a lease, and commits before sending anything; the result is written in a second short
 * transaction. A gateway killed mid-send leaves a lease that expires, and the batch is sent again under the same id.
 *
 * <p>Bursts: new rows are grouped per (channel, site) into one batch. The first alert after a quiet
 * {@code group_window} goes at once (leading edge). Within the window after a message, newer rows are follow-ups: they
 * wait and go together, but no longer than {@code group_max_delay} after the oldest of them was written, nor past the
 * window's end. So a burst becomes one message at once plus one per {@code group_max_delay} while it lasts, and no
 * alert waits more than {@code group_max_delay} for grouping ({@code group_max_delay >= group_window}: follow-ups
 * wait for the whole window, one message per window).
 */
public final class DeliveryStore {
    private final DataSource pool;
    private final Dialect dialect;
    private final AlertsSettings settings;

    public DeliveryStore(DataSource pool, Dialect dialect, AlertsSettings settings) {
        this.pool = pool;
        this.dialect = dialect;
        this.settings = settings;
    }

    /** A claimed batch: rows of one channel and site, sent as one message. */
    public record Claim(
            String batchId, String channelId, String site, List<Long> rowIds, int attempts, long firstCreatedAt) {}

    /** Drops leases a previous run of this gateway left (it was killed): those batches are due again at once. */
    public int releaseLeases(String ownerPrefix) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE alert_deliveries SET"
                        + " lease_owner = NULL, lease_until = NULL WHERE state = 'pending' AND lease_owner LIKE ?")) {
            ps.setString(1, ownerPrefix.replace("%", "\\%").replace("_", "\\_") + "%");
            int n = ps.executeUpdate();
            c.commit();
            return n;
        }
    }

    public List<Claim> claim(Instant now, String owner, Duration lease, int limit, Set<String> channels)
            throws SQLException {
        if (channels.isEmpty()) {
            return List.of();
        }
        long t = now.toEpochMilli();
        String in = String.join(",", channels.stream().map(x -> "?").toList());
        String sql =
                "SELECT id, channel_id, site, batch_id, attempts, created_at FROM alert_deliveries WHERE state = 'pending'"
                        + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?) AND channel_id IN ("
                        + in + ")"
                        + " ORDER BY next_attempt_at, id LIMIT ?"
                        + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
        try (Connection c = pool.getConnection()) {
            try {
                Map<String, List<long[]>> groups = new LinkedHashMap<>();
                Map<String, String[]> groupInfo = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    ps.setLong(i++, t);
                    ps.setLong(i++, t);
                    for (String ch : channels) {
                        ps.setString(i++, ch);
                    }
                    ps.setInt(i, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String batch = rs.getString("batch_id");
                            String channel = rs.getString("channel_id");
                            String site = rs.getString("site");
                            String key = batch != null ? "b|" + batch : "n|" + channel + "|" + site;
                            groups.computeIfAbsent(key, k -> new ArrayList<>())
                                    .add(new long[] {rs.getLong("id"), rs.getInt("attempts"), rs.getLong("created_at")
                                    });
                            groupInfo.putIfAbsent(key, new String[] {batch, channel, site});
                        }
                    }
                }
                List<Claim> out = new ArrayList<>();
                for (Map.Entry<String, List<long[]>> g : groups.entrySet()) {
                    String[] info = groupInfo.get(g.getKey());
                    List<Long> ids = g.getValue().stream().map(r -> r[0]).toList();
                    String batch = info[0];
                    if (batch == null) {
                        Long last = lastSent(c, info[1], info[2]);
                        long window = settings.groupWindow().toMillis();
                        if (last != null && window > 0 && last + window > t) {
                            long oldest = Math.min(
                                    oldestWaiting(c, info[1], info[2]),
                                    g.getValue().stream()
                                            .mapToLong(r -> r[2])
                                            .min()
                                            .orElse(t));
                            long due = followUpDue(last, oldest);
                            if (due > t) {
                                postpone(c, ids, due);
                                continue;
                            }
                        }
                        batch = UUID.randomUUID().toString();
                        markSent(c, info[1], info[2], t, last != null);
                    }
                    lease(c, ids, batch, owner, t + lease.toMillis());
                    int attempts = g.getValue().stream()
                            .mapToInt(r -> (int) r[1])
                            .max()
                            .orElse(0);
                    long created =
                            g.getValue().stream().mapToLong(r -> r[2]).min().orElse(t);
                    out.add(new Claim(batch, info[1], info[2], ids, attempts, created));
                }
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * When follow-ups of a (channel, site) go: at the end of the window after the last message, or once the oldest of
     * them has waited {@code group_max_delay}, whichever comes first. Every waiting row of the pair gets the same time,
     * so they are claimed together.
     */
    long followUpDue(long lastSentAt, long oldestWaitingCreatedAt) {
        return Math.min(
                lastSentAt + settings.groupWindow().toMillis(),
                oldestWaitingCreatedAt + settings.groupMaxDelay().toMillis());
    }

    /** The oldest first-attempt row of a (channel, site) not yet in a batch (postponed ones included). */
    private static long oldestWaiting(Connection c, String channel, String site) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT min(created_at) FROM alert_deliveries WHERE state = 'pending'"
                        + " AND batch_id IS NULL AND channel_id = ? AND site = ?")) {
            ps.setString(1, channel);
            ps.setString(2, site);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Long.MAX_VALUE;
                }
                long v = rs.getLong(1);
                return rs.wasNull() ? Long.MAX_VALUE : v;
            }
        }
    }

    private static Long lastSent(Connection c, String channel, String site) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT last_sent_at FROM alert_groups WHERE channel_id = ? AND site = ?")) {
            ps.setString(1, channel);
            ps.setString(2, site);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private void markSent(Connection c, String channel, String site, long t, boolean exists) throws SQLException {
        String sql = exists
                ? "UPDATE alert_groups SET last_sent_at = ? WHERE channel_id = ? AND site = ?"
                : dialect.insertIgnore + " alert_groups (last_sent_at, channel_id, site) VALUES (?,?,?)"
                        + dialect.onConflictIgnore("channel_id, site");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, t);
            ps.setString(2, channel);
            ps.setString(3, site);
            ps.executeUpdate();
        }
    }

    private static void postpone(Connection c, List<Long> ids, long until) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE alert_deliveries SET next_attempt_at = ? WHERE id = ?")) {
            for (Long id : ids) {
                ps.setLong(1, until);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void lease(Connection c, List<Long> ids, String batch, String owner, long until)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE alert_deliveries SET batch_id = ?, lease_owner = ?," + " lease_until = ? WHERE id = ?")) {
            for (Long id : ids) {
                ps.setString(1, batch);
                ps.setString(2, owner);
                ps.setLong(3, until);
                ps.setLong(4, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The alerts of a claim, for the message. */
    public List<Notification.Item> items(Claim claim, CaseLinks links, Instant now) throws SQLException {
        String in = String.join(",", claim.rowIds().stream().map(x -> "?").toList());
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT a.id, a.rule_id, a.rule_kind,"
                        + " a.severity, a.title, a.detail, a.device_id, a.conversation_id, a.fired_at, a.committed_at, a.case_id,"
                        + " k.owner, d.step, d.recipient FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id"
                        + " JOIN cases k ON k.id = a.case_id WHERE d.id IN (" + in + ") ORDER BY a.fired_at, a.id")) {
            int i = 1;
            for (Long id : claim.rowIds()) {
                ps.setLong(i++, id);
            }
            List<Notification.Item> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String caseId = rs.getString("case_id");
                    out.add(new Notification.Item(
                            rs.getString("id"),
                            rs.getString("rule_id"),
                            rs.getString("rule_kind"),
                            rs.getString("severity"),
                            rs.getString("title"),
                            rs.getString("detail"),
                            rs.getString("device_id"),
                            rs.getString("conversation_id"),
                            Instant.ofEpochMilli(rs.getLong("fired_at")),
                            Instant.ofEpochMilli(rs.getLong("committed_at")),
                            caseId,
                            rs.getString("owner"),
                            rs.getInt("step"),
                            rs.getString("recipient"),
                            links.console(caseId),
                            links.action(caseId, "ack", now),
                            links.action(caseId, "resolve", now)));
                }
            }
            c.commit();
            return out;
        }
    }

    /** Marks a claim delivered (only rows still leased by {@code owner}). */
    public void delivered(Claim claim, String owner, Instant now) throws SQLException {
        update(
                claim,
                owner,
                "UPDATE alert_deliveries SET state = 'delivered', delivered_at = ?, attempts = attempts + 1,"
                        + " lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE id = ? AND lease_owner = ?",
                now.toEpochMilli(),
                null);
    }

    /**
     * Records a failed attempt: due again after exponential backoff with full jitter (first_retry x 2^attempts, at
     * most max_retry_delay), or dead-lettered once {@code retry_for} has passed since the alert was stored.
     *
     * @return true when the claim is now dead
     */
    public boolean failed(Claim claim, String owner, Instant now, String error) throws SQLException {
        boolean dead = now.toEpochMilli() - claim.firstCreatedAt()
                >= settings.retryFor().toMillis();
        long next = now.toEpochMilli() + backoffMillis(claim.attempts() + 1);
        String sql = dead
                ? "UPDATE alert_deliveries SET state = 'dead', attempts = attempts + 1, lease_owner = NULL,"
                        + " lease_until = NULL, last_error = ? WHERE id = ? AND lease_owner = ?"
                : "UPDATE alert_deliveries SET next_attempt_at = " + next
                        + ", attempts = attempts + 1, lease_owner = NULL,"
                        + " lease_until = NULL, last_error = ? WHERE id = ? AND lease_owner = ?";
        update(claim, owner, sql, null, AlertWriter.clip(error, 500));
        return dead;
    }

    long backoffMillis(int attempts) {
        long base = settings.firstRetry().toMillis();
        long cap = settings.maxRetryDelay().toMillis();
        long exp = attempts >= 30 ? cap : Math.min(cap, base << Math.min(attempts - 1, 30));
        // "Equal jitter": half fixed, half random, so retries spread out but never come back at once.
        return exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
    }

    private void update(Claim claim, String owner, String sql, Long time, String text) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Long id : claim.rowIds()) {
                    int i = 1;
                    if (time != null) {
                        ps.setLong(i++, time);
                    }
                    if (sql.contains("last_error = ?")) {
                        ps.setString(i++, text);
                    }
                    ps.setLong(i++, id);
                    ps.setString(i, owner);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}

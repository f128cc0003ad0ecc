package io.vocedge.device.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.outbox.Outbox;
import io.vocedge.device.outbox.OutboxStats;
import io.vocedge.device.sync.OutboxSync;
import io.vocedge.device.sync.SyncEngine;
import io.vocedge.device.sync.SyncStats;
import io.vocedge.protocol.CommandResult;
import io.vocedge.protocol.ModelRequest;
import io.vocedge.protocol.Topics;
import java.util.Map;
import org.tinylog.Logger;

/**
 * The outbox and the MQTT sync engine ({@link OutboxSync}, opened by the assembly). Stopping it publishes
 * {@code offline} and closes the outbox after the parts that write to it have stopped.
 */
final class SyncPart implements AgentPart {
    private final OutboxSync spine;
    private final String site;
    private final String deviceId;
    private final ObjectMapper json;

    SyncPart(OutboxSync spine, String site, String deviceId, ObjectMapper json) {
        this.spine = spine;
        this.site = site;
        this.deviceId = deviceId;
        this.json = json;
    }

    Outbox outbox() {
        return spine.outbox();
    }

    SyncEngine sync() {
        return spine.sync();
    }

    @Override
    public String name() {
        return "OutboxSync";
    }

    @Override
    public void start() {
        if (spine.outbox().quarantinedFile() != null) {
            Logger.error(
                    "event=outbox_was_corrupt quarantined={}", spine.outbox().quarantinedFile());
        }
    }

    @Override
    public void stop() {
        spine.close();
    }

    /** Sends a command result (the dispatcher's, or the forget gesture's); never throws. */
    void publish(CommandResult result) {
        try {
            byte[] payload = json.writeValueAsBytes(result);
            if (!spine.sync().publish(Topics.commandResult(site, deviceId), payload)) {
                Logger.warn("event=command_result_not_sent id={} reason=offline", result.commandId());
            }
        } catch (Exception e) {
            Logger.warn("event=command_result_failed id={} error=\"{}\"", result.commandId(), e.getMessage());
        }
    }

    /** Asks the gateway for one chunk of a model (QoS 1, not retained); false if offline. Never throws. */
    boolean publishModelRequest(ModelRequest request) {
        try {
            return spine.sync().publish(Topics.modelRequest(site, deviceId), json.writeValueAsBytes(request));
        } catch (Exception e) {
            Logger.warn("event=model_request_failed error=\"{}\"", e.getMessage());
            return false;
        }
    }

    /** Re-publishes the retained status now (after a mute or lexicon change) instead of at the next interval. */
    void publishStatus() {
        spine.sync().publishStatus();
    }

    boolean connected() {
        return spine.sync().stats().connected();
    }

    @Override
    public void statusFields(Map<String, Object> into) {
        // Counters only: status is built every second for the status light, so no database query here.
        into.put("outbox_depth", spine.outbox().depth());
        into.put("outbox_evicted", spine.outbox().evictedByPriority());
        into.put("acks_refused", spine.sync().stats().refusedAcks());
        if (spine.outbox().lastError() != null) {
            into.put("outbox_error", spine.outbox().lastError());
        }
        if (spine.outbox().quarantinedFile() != null) {
            into.put("outbox_quarantined", spine.outbox().quarantinedFile());
        }
    }

    @Override
    public void metrics(Map<String, Double> m) {
        OutboxStats o = spine.outbox().stats();
        m.put("outbox_depth", (double) o.depth());
        m.put("outbox_bytes", (double) o.bytes());
        m.put("outbox_evicted_total", (double) o.evictedTotal());
        m.put("outbox_rejected_total", (double) o.rejected());
        if (o.oldestCreatedMs() > 0) {
            m.put("outbox_oldest_age_s", Math.max(0, (System.currentTimeMillis() - o.oldestCreatedMs()) / 1000.0));
        }
        SyncStats st = spine.sync().stats();
        m.put("sync_connected", st.connected() ? 1.0 : 0.0);
        m.put("sync_batches_resent_total", (double) st.batchesResent());
        m.put("sync_acks_refused_total", (double) st.refusedAcks());
    }
}

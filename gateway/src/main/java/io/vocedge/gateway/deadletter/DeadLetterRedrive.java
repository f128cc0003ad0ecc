package io.vocedge.gateway.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.gateway.ingest.BatchValidator;
import io.vocedge.gateway.ingest.DeviceAddress;
import io.vocedge.gateway.ingest.IngestMessage;
import io.vocedge.gateway.ingest.Verdict;
import io.vocedge.gateway.store.CommitResult;
import io.vocedge.gateway.store.StoreFault;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.VocStore;
import io.vocedge.protocol.SchemaId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;

/**
 * Re-ingests dead letters after their cause was fixed (a device enrolled, a store rule relaxed, a validator fixed):
 * each goes through the same validation as a live batch and into the store by {@code (device_id, seq)}, so records
 * stored meanwhile are duplicates, never second copies. The dead letter is marked redriven in the transaction that
 * stores its records; one still refused stays pending with the reason it is refused now. No ack is sent: the device
 * dropped these records when it was told they were rejected.
 */
public final class DeadLetterRedrive {
    /** {@code result}: stored, duplicate, still_refused, not_redrivable or already_redriven. */
    public record Outcome(long id, String result, String detail) {}

    private final VocStore store;
    private final BatchValidator validator;
    private final ObjectMapper json;

    public DeadLetterRedrive(VocStore store, BatchValidator validator, ObjectMapper json) {
        this.store = store;
        this.validator = validator;
        this.json = json;
    }

    /**
     * @throws SQLException when the store is busy, unreachable or unwritable ({@link StoreFault}): nothing of this
     *     dead letter changed; run the redrive again later
     */
    public Outcome redrive(DeadLetterRow row) throws SQLException {
        if (row.redrivenAt() != null) {
            return new Outcome(row.id(), "already_redriven", "at " + row.redrivenAt() + ": " + row.redriveOutcome());
        }
        if (row.payloadEncoding().endsWith("-truncated")) {
            return new Outcome(row.id(), "not_redrivable", "the payload was cut to 64 KiB when it was dead-lettered");
        }
        IngestMessage arrived = IngestMessage.arrived(row.topic(), new byte[0], -1, 0, row.receivedAt());
        if (!arrived.addressed() || arrived.address().kind() != DeviceAddress.Kind.RECORDS) {
            return new Outcome(row.id(), "not_redrivable", "only record batches (up/records topics) are redriven");
        }
        byte[] payload = row.payloadEncoding().startsWith("base64")
                ? Base64.getDecoder().decode(row.payload())
                : row.payload().getBytes(StandardCharsets.UTF_8);
        IngestMessage m = new IngestMessage(
                row.topic(),
                arrived.address(),
                null,
                asBatch(row, arrived.address(), payload),
                -1,
                0,
                row.receivedAt());
        Verdict v = validator.check(m);
        if (v instanceof Verdict.Refused r) {
            return new Outcome(
                    row.id(),
                    "still_refused",
                    r.reasonKey() + ": " + r.deadLetter().reason());
        }
        Verdict.Accepted a = (Verdict.Accepted) v;
        if (!a.rejectedRecords().isEmpty() && a.records().isEmpty()) {
            return new Outcome(
                    row.id(),
                    "still_refused",
                    "invalid_record: " + a.rejectedRecords().get(0).reason());
        }
        StoreTransaction tx = new StoreTransaction();
        if (a.autoRegister() != null) {
            tx.autoRegister(a.autoRegister());
        }
        a.records().forEach(tx::add);
        int stillBad = a.rejectedRecords().size();
        try {
            if (stillBad == 0) {
                // The outcome text is only known after the insert; the mark says what was asked and is refined below.
                tx.redriven(
                        row.id(),
                        Instant.now(),
                        "redriven: " + a.records().size() + " record(s) through (device_id, seq)");
            }
            CommitResult r = store.commit(tx);
            String detail = r.inserted() + " stored, " + r.duplicates() + " already stored"
                    + (stillBad == 0 ? "" : ", " + stillBad + " still invalid (dead letter kept)");
            return new Outcome(row.id(), r.inserted() > 0 ? "stored" : "duplicate", detail);
        } catch (SQLException e) {
            if (StoreFault.of(e).retryable()) {
                throw e;
            }
            return new Outcome(row.id(), "still_refused", StoreFault.CONTENT.code + ": " + StoreFault.describe(e));
        }
    }

    /** A dead-lettered batch as it came; a single dead-lettered record wrapped in a batch of one. */
    private byte[] asBatch(DeadLetterRow row, DeviceAddress address, byte[] payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node != null
                    && SchemaId.BATCH.toString().equals(node.path("schema").asText())) {
                return payload;
            }
            ObjectNode batch = json.createObjectNode();
            batch.put("schema", SchemaId.BATCH.toString());
            batch.put("device_id", address.device());
            batch.put("site", address.site());
            batch.put("batch_id", "redrive-" + row.id());
            batch.putArray("records").add(node);
            return json.writeValueAsBytes(batch);
        } catch (IOException e) {
            return payload; // not JSON: the validator refuses it with its usual reason
        }
    }
}

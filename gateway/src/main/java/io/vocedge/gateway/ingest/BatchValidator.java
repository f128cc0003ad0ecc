package io.vocedge.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.DeadLetter;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.ConversationSummary;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what happens to one {@code up/records} message: size, JSON, batch schema, payload device equals topic
 * device, registry (revoked, unknown), then each record's own schema and device. Pure logic over the message
 * and the registry view, so every rule is unit-tested without a broker.
 */
public final class BatchValidator {
    private final ObjectMapper json;
    /**
     * Built once: {@code json.treeToValue} looks up the record deserializer and builds its config on every call,
     * which the ingest profile showed per record.
     */
    private final ObjectReader recordReader;

    private final SchemaValidator schemas;
    private final DeviceRegistry registry;

    public BatchValidator(ObjectMapper json, SchemaValidator schemas, DeviceRegistry registry) {
        this.json = json;
        this.recordReader = json.readerFor(UpRecord.class);
        this.schemas = schemas;
        this.registry = registry;
    }

    /** Checks one message from an {@code up/records} topic; {@code m.address()} was parsed at the door. */
    public Verdict check(IngestMessage m) {
        DeviceAddress topic = m.address();
        if (topic == null || topic.kind() != DeviceAddress.Kind.RECORDS) {
            throw new IllegalArgumentException("not an up/records message: " + m.topicProblem());
        }
        if (m.payload().length > Limits.MAX_MESSAGE_BYTES) {
            return refuse(
                    m,
                    topic.device(),
                    "oversized",
                    "message of " + m.payload().length + " bytes exceeds the " + Limits.MAX_MESSAGE_BYTES
                            + "-byte limit; send smaller batches");
        }
        JsonNode node;
        try {
            node = json.readTree(m.payload());
        } catch (IOException e) {
            return refuse(m, topic.device(), "malformed_json", "not valid JSON: " + firstLine(e.getMessage()));
        }
        Optional<String> problems = schemas.problems(SchemaId.BATCH, node);
        if (problems.isPresent()) {
            String key = problems.get().startsWith("unknown schema")
                            || problems.get().startsWith("expected schema")
                    ? "unknown_schema"
                    : "invalid_batch";
            return refuse(m, topic.device(), key, problems.get());
        }
        String deviceId = node.get("device_id").asText();
        String site = node.path("site").asText(topic.site());
        if (!deviceId.equals(topic.device()) || !site.equals(topic.site())) {
            return refuse(
                    m,
                    topic.device(),
                    "foreign_device",
                    "payload claims device '" + deviceId + "' at site '" + site
                            + "' but was published on the topic of device '" + topic.device() + "' at site '"
                            + topic.site() + "'");
        }
        Optional<DeviceEntry> known = registry.find(deviceId);
        DeviceEntry autoRegister = null;
        if (known.isPresent() && known.get().revoked()) {
            return refuse(
                    m, deviceId, "device_revoked", "device '" + deviceId + "' is revoked; its records are refused");
        }
        if (known.isPresent() && !known.get().site().equals(site)) {
            return refuse(
                    m,
                    deviceId,
                    "wrong_site",
                    "device '" + deviceId + "' is registered at site '"
                            + known.get().site() + "', not '" + site + "'");
        }
        if (known.isEmpty()) {
            if (registry.strict()) {
                return refuse(
                        m,
                        deviceId,
                        "device_unknown",
                        "device '" + deviceId + "' is not enrolled (registry.mode=strict); "
                                + "enrol it with voc-provision device enroll");
            }
            autoRegister = new DeviceEntry(
                    deviceId,
                    site,
                    deviceId,
                    null,
                    DeviceEntry.REGISTERED,
                    m.receivedAt(),
                    null,
                    null,
                    false,
                    null,
                    null);
        }
        String bootId = node.path("boot_id").asText(null);
        Long sentMono =
                node.hasNonNull("sent_mono_ms") ? node.get("sent_mono_ms").asLong() : null;
        List<StoredRecord> good = new ArrayList<>();
        List<DeadLetter> bad = new ArrayList<>();
        List<Ack.Rejected> rejected = new ArrayList<>();
        for (JsonNode r : node.get("records")) {
            JsonNode seqNode = r.path("seq");
            Long seq = seqNode.canConvertToLong() && seqNode.asLong() > 0 ? seqNode.asLong() : null;
            Optional<String> recordProblems = schemas.problems(r);
            String reason = recordProblems.orElse(null);
            if (reason == null && !deviceId.equals(r.path("device_id").asText())) {
                reason = "record claims device '" + r.path("device_id").asText() + "' inside a batch of device '"
                        + deviceId + "'";
            }
            if (reason == null && !r.get("schema").asText().equals(SchemaId.BATCH.toString())) {
                try {
                    UpRecord rec = readRecord(r);
                    good.add(toStored(rec, r, site, m.receivedAt(), bootId, sentMono));
                    continue;
                } catch (IOException | IllegalArgumentException e) {
                    reason = "record not readable as its schema: " + firstLine(e.getMessage());
                }
            } else if (reason == null) {
                reason = "a batch cannot contain a batch";
            }
            bad.add(DeadLetter.of(
                    m.receivedAt(),
                    m.topic(),
                    deviceId,
                    seq,
                    "invalid_record",
                    reason,
                    r.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            if (seq != null) {
                rejected.add(new Ack.Rejected(seq, reason));
            }
        }
        return new Verdict.Accepted(site, deviceId, node.get("batch_id").asText(), good, bad, rejected, autoRegister);
    }

    /** One schema-valid record as its type; the same exceptions and messages as {@code json.treeToValue}. */
    UpRecord readRecord(JsonNode r) throws IOException {
        return recordReader.readValue(r);
    }

    private static Verdict refuse(IngestMessage m, String deviceId, String key, String reason) {
        return new Verdict.Refused(
                DeadLetter.of(m.receivedAt(), m.topic(), deviceId, null, key, reason, m.payload()), key);
    }

    static StoredRecord toStored(
            UpRecord rec, JsonNode raw, String site, Instant receivedAt, String batchBootId, Long sentMono) {
        Instant corrected = correctedTime(rec, receivedAt, batchBootId, sentMono);
        String conversationId = null;
        String speaker = null;
        String lang = null;
        String text = null;
        String sentiment = null;
        Double score = null;
        String lexicon = null;
        Boolean escalation = null;
        Boolean churn = null;
        Boolean attention = null;
        String model = null;
        List<StoredRecord.Topic> topics = new ArrayList<>();
        if (rec instanceof Utterance u) {
            conversationId = u.conversationId();
            speaker = u.speaker().wireName();
            lang = u.lang();
            text = u.text();
            sentiment = u.sentiment().label().wireName();
            score = u.sentiment().score();
            lexicon = u.lexiconVersion();
            escalation = u.flags().contains("escalation");
            churn = u.flags().contains("churn_risk");
            model = u.modelVersion();
            u.topics()
                    .forEach(t -> topics.add(new StoredRecord.Topic(
                            t.id(),
                            t.sentiment() == null ? null : t.sentiment().label().wireName())));
        } else if (rec instanceof ConversationSummary c) {
            conversationId = c.conversationId();
            lexicon = c.lexiconVersion();
            if (c.experienceScore() != null) {
                score = c.experienceScore();
                sentiment = score > 0.2 ? "positive" : score < -0.2 ? "negative" : "neutral";
            }
            c.topicCounts().keySet().forEach(t -> topics.add(new StoredRecord.Topic(t, null)));
            if (c.flagCounts() != null) {
                escalation = c.flagCounts().getOrDefault("escalation", 0) > 0;
                churn = c.flagCounts().getOrDefault("churn_risk", 0) > 0;
            }
            attention = c.attention() == null ? null : c.attention().flag();
            model = c.modelVersion();
        }
        String kind = rec.schemaId().kind().substring("voc.".length());
        // PostgreSQL text and jsonb cannot hold NUL; keep the record, mark the character as unreadable.
        String payload = raw.toString().replace("\\u0000", "\\ufffd");
        return new StoredRecord(
                rec.deviceId(),
                rec.seq(),
                rec.schema(),
                kind,
                site,
                conversationId,
                speaker,
                lang,
                text == null ? null : text.replace('\0', '\ufffd'),
                sentiment,
                score,
                lexicon,
                rec.time().wall(),
                rec.time().synced(),
                rec.time().bootId(),
                rec.time().monoMs(),
                receivedAt,
                corrected,
                topics,
                payload,
                escalation,
                churn,
                attention,
                model);
    }

    /**
     * The record's time on the gateway's clock: the device's wall clock when it was NTP-synchronised; otherwise
     * receive time minus how long before sending (on the device's monotonic clock) the record was made.
     */
    static Instant correctedTime(UpRecord rec, Instant receivedAt, String batchBootId, Long sentMono) {
        if (rec.time().synced()) {
            return rec.time().wall();
        }
        if (sentMono != null
                && rec.time().bootId().equals(batchBootId)
                && sentMono >= rec.time().monoMs()) {
            return receivedAt.minusMillis(sentMono - rec.time().monoMs());
        }
        return receivedAt;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package io.vocedge.device.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.protocol.LexiconUpdate;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.ProtocolException;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.lexicon.LexiconDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * Applies the lexicon the gateway distributes ({@code voc.lexicon/1}, retained on this device's
 * {@code down/lexicon}): the message carries the YAML itself, never a path. It is applied only if it is at most
 * {@link Limits#MAX_LEXICON_BYTES}, matches its sha256, parses with the shared {@link LexiconDocument} rules, names
 * the version it claims and is newer than the active one. Then it is written to {@code <data_dir>/lexicon/active.yaml}
 * (0600, atomically; the one it replaces kept as {@code previous.yaml}) and swapped into the running engine, so a
 * restart keeps it. Anything else is refused: counted, logged and shown in status ({@code lexicon_update_error}) with
 * a reason that never repeats the content.
 *
 * <p>Runs on the MQTT callback thread (a parse of at most 128 KiB and one fsync, rare): updates are applied in order.
 */
public final class LexiconUpdater {
    private final Path dir;
    private final InsightEngine engine;
    private final ObjectMapper json;
    private final SchemaValidator validator;
    private final Runnable changed;
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastError;

    public LexiconUpdater(
            Path dataDir, InsightEngine engine, ObjectMapper json, SchemaValidator validator, Runnable changed) {
        this.dir = dataDir.resolve("lexicon");
        this.engine = engine;
        this.json = json;
        this.validator = validator;
        this.changed = changed;
    }

    /**
     * The lexicon to start with: the distributed one in {@code <data_dir>/lexicon/active.yaml} when it is valid and
     * newer than {@code configured}, else {@code configured}. A damaged file is logged and ignored, never fatal.
     */
    public static Lexicon startupLexicon(Path dataDir, Lexicon configured) {
        Path active = dataDir.resolve("lexicon").resolve("active.yaml");
        if (!Files.exists(active)) {
            return configured;
        }
        try {
            Lexicon distributed = Lexicon.parse(LexiconDocument.readFile(active), active.toString());
            if (Lexicon.compareVersions(distributed.version(), configured.version()) > 0) {
                Logger.info("event=lexicon_distributed_loaded version={} file={}", distributed.version(), active);
                return distributed;
            }
            return configured;
        } catch (IOException | IllegalArgumentException e) {
            Logger.error(
                    "event=lexicon_distributed_unusable file={} error=\"{}\" action=\"running version {}\"",
                    active,
                    e.getMessage(),
                    configured.version());
            return configured;
        }
    }

    /** One {@code down/lexicon} message. */
    public void onMessage(byte[] payload, boolean retained) {
        if (payload.length == 0) {
            return; // the gateway cleared the retained lexicon: keep what runs
        }
        try {
            apply(payload);
        } catch (ProtocolException | IllegalArgumentException | IOException e) {
            refused.incrementAndGet();
            lastError = e.getMessage();
            Logger.warn("event=lexicon_update_refused error=\"{}\" active={}", e.getMessage(), engine.lexiconVersion());
            changed.run();
        }
    }

    private void apply(byte[] payload) throws IOException {
        if (payload.length > Limits.MAX_MESSAGE_BYTES) {
            throw new ProtocolException(
                    "lexicon message is " + payload.length + " bytes, more than " + Limits.MAX_MESSAGE_BYTES);
        }
        LexiconUpdate update;
        try {
            var node = json.readTree(payload);
            var problems = validator.problems(SchemaId.LEXICON, node);
            if (problems.isPresent()) {
                throw new ProtocolException("lexicon message does not match voc.lexicon/1");
            }
            update = json.treeToValue(node, LexiconUpdate.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ProtocolException("lexicon message is not valid JSON");
        }
        String active = engine.lexiconVersion();
        if (update.version().equals(active)) {
            Logger.debug("event=lexicon_already_active version={}", active);
            return;
        }
        byte[] yaml = update.verifiedContent();
        Lexicon next = Lexicon.parse(yaml, "from the gateway");
        if (!next.version().equals(update.version())) {
            throw new ProtocolException("lexicon message says version " + update.version()
                    + " but its content is version " + next.version());
        }
        if (Lexicon.compareVersions(next.version(), active) <= 0) {
            throw new IllegalArgumentException("lexicon " + next.version() + " is not newer than the active " + active);
        }
        OwnerOnly.directory(dir);
        Path activeFile = dir.resolve("active.yaml");
        if (Files.exists(activeFile)) {
            Files.move(
                    activeFile,
                    dir.resolve("previous.yaml"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        OwnerOnly.writeAtomically(activeFile, yaml);
        engine.reload(next);
        lastError = null;
        Logger.info("event=lexicon_updated version={} previous={} sha256={}", next.version(), active, update.sha256());
        changed.run();
    }

    /** For the retained status. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lexicon_updates_refused", refused.get());
        String e = lastError;
        if (e != null) {
            m.put("lexicon_update_error", e.length() > 200 ? e.substring(0, 200) : e);
        }
        return m;
    }
}

package io.vocedge.device.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.device.insights.model.InsightModel;
import io.vocedge.device.insights.model.ModelCodec;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.ModelChunk;
import io.vocedge.protocol.ModelFileHeader;
import io.vocedge.protocol.ModelManifest;
import io.vocedge.protocol.ModelRequest;
import io.vocedge.protocol.ProtocolException;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * Downloads and installs the insight model the gateway distributes, the way {@link LexiconUpdater} does the lexicon.
 * The gateway retains a manifest ({@code voc.model/1}: version, size, SHA-256 of the file and of each 128 KiB chunk) on
 * this device's {@code down/model}; this class asks for the chunks one at a time ({@code voc.model-request/1} on
 * {@code up/model_request}) and takes each answer ({@code voc.model-chunk/1} on {@code down/model_chunk}) only if it is
 * the chunk asked for and matches its digest. It appends the chunk to {@code <data_dir>/model/download.part} (0600,
 * the manifest beside it in {@code download.json}), and after the last one checks the whole file against the
 * manifest, that the file names the manifest's version, and installs it with {@link InsightEngine#installModel} (which
 * verifies the model itself). Only then is it written to {@code <data_dir>/model/active.vocim} (atomically, the file
 * it replaces kept as {@code previous.vocim}), so a restart starts with it ({@link #startupModel}).
 *
 * <p>Refused (counted in {@code model_updates_refused}, the reason in {@code model_update_error}, never content): a
 * manifest over {@link Limits#MAX_MESSAGE_BYTES}, off its schema or inconsistent (size over
 * {@link Limits#MAX_MODEL_BYTES}, wrong chunk size or count); a file whose chunks do not add up to the manifest's
 * SHA-256, that names another version, or that the model code refuses (the active model keeps running and the partial
 * file is deleted); a chunk that fails its digest (counted in {@code model_chunks_bad} and asked for again)
 * {@link #MAX_RETRIES} + 1 times. Ignored (counted in
 * {@code model_chunks_ignored}): a chunk of another version or not the index asked for, or one that is no
 * {@code voc.model-chunk/1} at all.
 *
 * <p>Limits: one download at a time and one chunk in flight; at most {@link Limits#MAX_MODEL_BYTES} in the partial file
 * (the manifest's size, checked before anything is written); a chunk not answered within the timeout
 * ({@link #CHUNK_TIMEOUT} in the agent) is asked for again, at most {@link #MAX_RETRIES} times per chunk (a bad chunk
 * counts the same), then the download is given up with an error in status and the verified chunks stay on disk: the
 * next manifest (at the latest the retained one delivered again on reconnect) continues it.
 *
 * <p>Resume: after a restart the retained manifest arrives again; if the partial file belongs to the same manifest,
 * every whole chunk in it is verified again against the manifest's digests and the download continues from the first
 * missing or bad one (nothing unverified is kept). A partial file of another version is deleted.
 *
 * <p>Threads: messages arrive on the MQTT callback thread, timeouts on the given scheduler; every state change is under
 * this object's lock (the work per message is one chunk write; the install, once per model, parses the file).
 */
public final class ModelUpdater implements AutoCloseable {
    /**
     * How long the agent waits for a requested chunk before asking again: a 128 KiB chunk takes well under a second on a
     * working link, so 15 s only fires when a request or its answer was lost.
     */
    public static final Duration CHUNK_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Re-requests of one chunk (after a timeout or a chunk failing its digest) before the download is given up: with
     * {@link #CHUNK_TIMEOUT} that is 90 s without an answer.
     */
    public static final int MAX_RETRIES = 5;
    /**
     * A download given up for want of answers starts again by itself this many timeouts later (5 minutes in the
     * agent), from its verified chunks: a gateway busy with a whole fleet's downloads refuses requests for a while, and
     * a device that never reconnects must not stay on the old model until someone restarts it.
     */
    static final int RESUME_AFTER_TIMEOUTS = 20;

    static final String PART = "download.part";
    static final String SIDECAR = "download.json";
    static final String ACTIVE = "active.vocim";
    static final String PREVIOUS = "previous.vocim";
    private static final String SOURCE = "from the gateway";

    /** Hands a chunk request to MQTT (QoS 1, not retained, on this device's {@code up/model_request}). */
    @FunctionalInterface
    public interface Requests {
        /** False when it could not be handed over (offline): the timeout asks again. */
        boolean send(ModelRequest request);
    }

    /** The download in progress; fields guarded by the updater's lock. */
    private static final class Download {
        final ModelManifest manifest;
        int next;
        int attempts;
        long serial;
        ScheduledFuture<?> timer;

        Download(ModelManifest manifest, int next) {
            this.manifest = manifest;
            this.next = next;
        }
    }

    private record Progress(String version, int done, int chunks) {}

    private final Path dir;
    private final InsightEngine engine;
    private final ObjectMapper json;
    private final SchemaValidator validator;
    private final Requests requests;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Runnable changed;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong ignoredChunks = new AtomicLong();
    private final AtomicLong badChunks = new AtomicLong();
    private volatile String lastError;
    private volatile Progress progress;
    private Download download;
    private boolean closed;

    /**
     * @param scheduler runs the chunk timeouts; the updater owns it from now on and shuts it down on {@link #close}
     * @param timeout how long to wait for a requested chunk ({@link #CHUNK_TIMEOUT} in the agent)
     * @param changed called when what {@link #status} shows changed (the agent re-publishes its status)
     */
    public ModelUpdater(
            Path dataDir,
            InsightEngine engine,
            ObjectMapper json,
            SchemaValidator validator,
            Requests requests,
            ScheduledExecutorService scheduler,
            Duration timeout,
            Runnable changed) {
        this.dir = dataDir.resolve("model");
        this.engine = engine;
        this.json = json;
        this.validator = validator;
        this.requests = requests;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.changed = changed;
    }

    /**
     * The model to start with: the one the gateway distributed last ({@code <data_dir>/model/active.vocim}) when the
     * model code reads it, else {@code configured} (the {@code insights.model_file} one, or the one in the jar). The
     * distributed model wins over {@code insights.model_file} too: publishing it to this device is the newer intent
     * (remove the file, or publish another model, to go back). A damaged or unreadable file is logged and ignored, never
     * fatal.
     */
    public static InsightModel startupModel(Path dataDir, InsightModel configured) {
        Path active = dataDir.resolve("model").resolve(ACTIVE);
        if (!Files.exists(active)) {
            return configured;
        }
        String running = configured == null ? "none" : configured.version();
        try {
            if (Files.size(active) > Limits.MAX_MODEL_BYTES) {
                throw new IOException("larger than " + Limits.MAX_MODEL_BYTES + " bytes");
            }
            InsightModel distributed = ModelCodec.read(Files.readAllBytes(active), active.toString());
            Logger.info(
                    "event=model_distributed_loaded version={} file={} instead_of={}",
                    distributed.version(),
                    active,
                    running);
            return distributed;
        } catch (IOException | IllegalArgumentException e) {
            Logger.error(
                    "event=model_distributed_unusable file={} error=\"{}\" action=\"running version {}\"",
                    active,
                    e.getMessage(),
                    running);
            return configured;
        }
    }

    /** One {@code down/model} message (a manifest; empty when the gateway cleared it). */
    public void onManifest(byte[] payload, boolean retained) {
        if (payload.length == 0) {
            cleared();
            return;
        }
        ModelManifest manifest;
        try {
            manifest = read(payload, SchemaId.MODEL, ModelManifest.class, "model manifest")
                    .requireConsistent();
        } catch (ProtocolException | IOException e) {
            refuse(e.getMessage());
            return;
        }
        synchronized (this) {
            if (!closed) {
                try {
                    start(manifest, retained);
                } catch (IOException e) {
                    if (download != null) {
                        cancelTimer(download);
                        download = null;
                    }
                    progress = null;
                    refuse("cannot write the model download: " + e.getMessage());
                }
            }
        }
    }

    /** One {@code down/model_chunk} message. */
    public void onChunk(byte[] payload, boolean retained) {
        ModelChunk chunk;
        try {
            chunk = read(payload, SchemaId.MODEL_CHUNK, ModelChunk.class, "model chunk");
        } catch (ProtocolException | IOException e) {
            ignoredChunks.incrementAndGet();
            Logger.warn("event=model_chunk_ignored reason=\"{}\"", e.getMessage());
            return;
        }
        synchronized (this) {
            Download d = download;
            if (closed || d == null || !chunk.version().equals(d.manifest.version()) || chunk.index() != d.next) {
                ignoredChunks.incrementAndGet();
                Logger.info(
                        "event=model_chunk_ignored version={} index={} expected=\"{}\"",
                        chunk.version(),
                        chunk.index(),
                        d == null ? "no download" : d.manifest.version() + " #" + d.next);
                return;
            }
            byte[] bytes;
            try {
                bytes = d.manifest.verifyChunk(chunk);
            } catch (ProtocolException e) {
                badChunks.incrementAndGet();
                d.attempts++;
                Logger.warn(
                        "event=model_chunk_bad version={} index={} attempt={} error=\"{}\"",
                        chunk.version(),
                        chunk.index(),
                        d.attempts,
                        e.getMessage());
                if (d.attempts > MAX_RETRIES) {
                    giveUp(d, e.getMessage() + "; gave up after " + d.attempts + " bad copies", true);
                } else {
                    request(d);
                }
                return;
            }
            try {
                append(bytes);
            } catch (IOException e) {
                giveUp(d, "cannot write the model download: " + e.getMessage(), false);
                return;
            }
            d.next++;
            d.attempts = 0;
            progress = new Progress(d.manifest.version(), d.next, d.manifest.chunks());
            if (d.next == d.manifest.chunks()) {
                finish(d);
            } else {
                request(d);
            }
        }
    }

    private synchronized void cleared() {
        if (download != null) {
            Logger.info(
                    "event=model_download_abandoned version={} reason=\"the gateway cleared the model\"",
                    download.manifest.version());
            abandon();
            changed.run();
        }
        // Otherwise nothing: keep what runs.
    }

    private void start(ModelManifest m, boolean retained) throws IOException {
        String active = engine.modelVersion();
        if (m.version().equals(active)) {
            if (download != null || Files.exists(dir.resolve(PART))) {
                Logger.info(
                        "event=model_download_abandoned version={} reason=\"the gateway names the active model\"",
                        download == null ? "(partial file)" : download.manifest.version());
                boolean wasDownloading = download != null;
                abandon();
                if (wasDownloading) {
                    changed.run();
                }
            }
            Logger.debug("event=model_already_active version={}", active);
            return;
        }
        Download d = download;
        if (d != null && sameFile(d.manifest, m)) {
            // A retained copy delivered again (reconnect): keep going. Ask for the awaited chunk now, since the request
            // or its answer may have been lost while offline; a second copy of it is then ignored.
            Logger.debug("event=model_download_continues version={} next={}", m.version(), d.next);
            if (retained) {
                request(d);
            }
            return;
        }
        if (d != null) {
            Logger.info(
                    "event=model_download_abandoned version={} reason=\"the gateway now names {}\"",
                    d.manifest.version(),
                    m.version());
            abandon();
        }
        int from = resumeFrom(m);
        d = new Download(m, from);
        download = d;
        progress = new Progress(m.version(), from, m.chunks());
        Logger.info(
                "event=model_download_started version={} size_bytes={} chunks={} from_chunk={} active={}",
                m.version(),
                m.sizeBytes(),
                m.chunks(),
                from,
                active == null ? "none" : active);
        changed.run();
        if (from == m.chunks()) {
            finish(d);
        } else {
            request(d);
        }
    }

    /**
     * Where a download of {@code m} starts: after the whole chunks of a partial file of the same manifest that still
     * match their digests (the rest is cut off), else at 0 with a fresh, empty partial file.
     */
    private int resumeFrom(ModelManifest m) throws IOException {
        OwnerOnly.directory(dir);
        Path part = dir.resolve(PART);
        ModelManifest prior = Files.exists(part) ? readSidecar() : null;
        if (prior == null || !sameFile(prior, m)) {
            if (Files.exists(part)) {
                Logger.info(
                        "event=model_partial_discarded version={} reason=\"of another model\"",
                        prior == null ? "unknown" : prior.version());
            }
            Files.deleteIfExists(part);
            OwnerOnly.file(part);
            OwnerOnly.writeAtomically(dir.resolve(SIDECAR), json.writeValueAsBytes(m));
            return 0;
        }
        int verified = 0;
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            while (verified < m.chunks()) {
                long from = (long) verified * m.chunkBytes();
                int len = m.chunkLength(verified);
                if (from + len > size) {
                    break;
                }
                ByteBuffer buf = ByteBuffer.allocate(len);
                int n = 0;
                while (buf.hasRemaining() && n >= 0) {
                    n = ch.read(buf, from + buf.position());
                }
                try {
                    m.verifyChunk(new ModelChunk(
                            m.version(), verified, Base64.getEncoder().encodeToString(buf.array())));
                } catch (ProtocolException e) {
                    break;
                }
                verified++;
            }
            ch.truncate((long) verified * m.chunkBytes());
            ch.force(true);
        }
        Logger.info(
                "event=model_download_resumed version={} chunks_verified={} chunks={}",
                m.version(),
                verified,
                m.chunks());
        return verified;
    }

    private ModelManifest readSidecar() {
        Path sidecar = dir.resolve(SIDECAR);
        try {
            if (!Files.exists(sidecar) || Files.size(sidecar) > Limits.MAX_MESSAGE_BYTES) {
                return null;
            }
            return json.readValue(Files.readAllBytes(sidecar), ModelManifest.class)
                    .requireConsistent();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void append(byte[] bytes) throws IOException {
        try (FileChannel ch =
                FileChannel.open(dir.resolve(PART), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    /** Every chunk is in: check the whole file, install it, keep it. Whatever happens, the download is over. */
    private void finish(Download d) {
        cancelTimer(d);
        download = null;
        progress = null;
        ModelManifest m = d.manifest;
        Path part = dir.resolve(PART);
        byte[] file;
        String previous = engine.modelVersion();
        try {
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (Files.size(part) > Limits.MAX_MODEL_BYTES) {
                throw new ProtocolException("model " + m.version() + " download is larger than the manifest says");
            }
            file = Files.readAllBytes(part);
            if (!m.matchesFile(file)) {
                throw new ProtocolException("model " + m.version()
                        + ": the chunks put together do not match the manifest's size and sha256");
            }
            String named = ModelFileHeader.read(file, "model " + SOURCE).version();
            if (!named.equals(m.version())) {
                throw new ProtocolException(
                        "model manifest says version " + m.version() + " but the file is version " + named);
            }
            engine.installModel(file, SOURCE);
        } catch (ProtocolException | IllegalArgumentException | IOException e) {
            deletePartial();
            refuse(e.getMessage());
            return;
        }
        deletePartial();
        try {
            persist(file);
            lastError = null;
        } catch (IOException e) {
            lastError = clip(
                    "model " + m.version() + " runs but could not be saved (a restart goes back): " + e.getMessage());
            Logger.error("event=model_save_failed version={} error=\"{}\"", m.version(), e.getMessage());
        }
        Logger.info("event=model_updated version={} previous={} sha256={}", m.version(), previous, m.sha256());
        changed.run();
    }

    /**
     * Keeps the running file as {@code previous.vocim}, then replaces {@code active.vocim} atomically: at no moment is
     * there no active file (a kill -9 between the two steps restarts with the old model, not the built-in one). The
     * previous file is a second name of the same bytes (a hard link, no copy); where links are not supported, a copy.
     */
    private void persist(byte[] file) throws IOException {
        OwnerOnly.directory(dir);
        Path active = dir.resolve(ACTIVE);
        if (Files.exists(active)) {
            Path link = dir.resolve(PREVIOUS + ".new");
            Files.deleteIfExists(link);
            try {
                Files.createLink(link, active);
            } catch (UnsupportedOperationException | IOException e) {
                OwnerOnly.writeAtomically(link, Files.readAllBytes(active));
            }
            Files.move(
                    link, dir.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        OwnerOnly.writeAtomically(active, file);
    }

    /** Arms the timeout of the chunk the download waits for and asks for it. */
    private void request(Download d) {
        cancelTimer(d);
        long serial = ++d.serial;
        int index = d.next;
        try {
            d.timer = scheduler.schedule(() -> timedOut(d, serial), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return; // stopping
        }
        boolean sent;
        try {
            sent = requests.send(new ModelRequest(d.manifest.version(), index));
        } catch (RuntimeException e) {
            sent = false;
            Logger.warn("event=model_request_failed error=\"{}\"", e.getMessage());
        }
        if (!sent) {
            Logger.info("event=model_request_not_sent version={} index={} reason=offline", d.manifest.version(), index);
        }
    }

    private synchronized void timedOut(Download d, long serial) {
        if (closed || download != d || d.serial != serial) {
            return; // answered, replaced or stopped meanwhile
        }
        d.attempts++;
        if (d.attempts > MAX_RETRIES) {
            giveUp(
                    d,
                    "no answer for chunk " + d.next + " of model " + d.manifest.version() + " after " + d.attempts
                            + " requests; trying again in "
                            + timeout.multipliedBy(RESUME_AFTER_TIMEOUTS).toSeconds()
                            + " s",
                    false);
            resumeLater(d.manifest);
            return;
        }
        Logger.info(
                "event=model_chunk_timeout version={} index={} attempt={}", d.manifest.version(), d.next, d.attempts);
        request(d);
    }

    private void resumeLater(ModelManifest m) {
        try {
            scheduler.schedule(
                    () -> resume(m), timeout.multipliedBy(RESUME_AFTER_TIMEOUTS).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** Starts the given-up download again unless something else happened since (a new manifest, an install, a stop). */
    private synchronized void resume(ModelManifest m) {
        if (closed || download != null || m.version().equals(engine.modelVersion())) {
            return;
        }
        try {
            Logger.info("event=model_download_resumed version={}", m.version());
            start(m, false);
        } catch (IOException e) {
            lastError = clip("cannot resume the model download: " + e.getMessage());
            changed.run();
        }
    }

    /** Stops the download; the verified chunks stay on disk for the next manifest to continue from. */
    private void giveUp(Download d, String why, boolean countAsRefused) {
        cancelTimer(d);
        download = null;
        progress = null;
        if (countAsRefused) {
            refuse(why);
        } else {
            lastError = clip(why);
            Logger.warn("event=model_download_failed error=\"{}\" active={}", why, engine.modelVersion());
            changed.run();
        }
    }

    private void abandon() {
        if (download != null) {
            cancelTimer(download);
            download = null;
        }
        progress = null;
        deletePartial();
    }

    private void deletePartial() {
        try {
            Files.deleteIfExists(dir.resolve(PART));
            Files.deleteIfExists(dir.resolve(SIDECAR));
        } catch (IOException e) {
            Logger.warn("event=model_partial_not_deleted dir={} error=\"{}\"", dir, e.getMessage());
        }
    }

    private static void cancelTimer(Download d) {
        if (d.timer != null) {
            d.timer.cancel(false);
            d.timer = null;
        }
    }

    private void refuse(String why) {
        refused.incrementAndGet();
        lastError = clip(why);
        Logger.warn("event=model_update_refused error=\"{}\" active={}", why, engine.modelVersion());
        changed.run();
    }

    private <T> T read(byte[] payload, SchemaId schema, Class<T> type, String what) throws IOException {
        if (payload.length > Limits.MAX_MESSAGE_BYTES) {
            throw new ProtocolException(
                    what + " is " + payload.length + " bytes, more than " + Limits.MAX_MESSAGE_BYTES);
        }
        try {
            var node = json.readTree(payload);
            if (node == null || validator.problems(schema, node).isPresent()) {
                throw new ProtocolException(what + " does not match " + schema);
            }
            return json.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ProtocolException(what + " is not valid JSON");
        }
    }

    private static boolean sameFile(ModelManifest a, ModelManifest b) {
        return a.version().equals(b.version())
                && a.sha256().toLowerCase(Locale.ROOT).equals(b.sha256().toLowerCase(Locale.ROOT))
                && a.sizeBytes() == b.sizeBytes()
                && a.chunkBytes() == b.chunkBytes()
                && a.chunkSha256().equals(b.chunkSha256());
    }

    private static String clip(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    /** For the retained status ({@code model_version} itself comes from the engine). */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_updates_refused", refused.get());
        m.put("model_chunks_ignored", ignoredChunks.get());
        m.put("model_chunks_bad", badChunks.get());
        Progress p = progress;
        if (p != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("version", p.version());
            d.put("chunks_done", p.done());
            d.put("chunks", p.chunks());
            m.put("model_download", d);
        }
        String e = lastError;
        if (e != null) {
            m.put("model_update_error", e);
        }
        return m;
    }

    /** Stops the timeouts (and the scheduler); a download in progress stays on disk for the next start. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (download != null) {
                cancelTimer(download);
            }
        }
        scheduler.shutdownNow();
    }
}

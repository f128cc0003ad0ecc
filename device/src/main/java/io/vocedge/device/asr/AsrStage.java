package io.vocedge.device.asr;

import io.vocedge.device.conversation.ConversationTracker;
import io.vocedge.device.conversation.RoleClassifier;
import io.vocedge.device.pending.PendingAudioQueue;
import io.vocedge.device.pending.PendingEntry;
import io.vocedge.device.pending.QueueStats;
import io.vocedge.device.pipeline.SegmentListener;
import io.vocedge.device.pipeline.SpeechSegment;
import io.vocedge.device.pipeline.Transcript;
import io.vocedge.device.pipeline.TranscriptSink;
import io.vocedge.protocol.SpeakerRole;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The ASR stage. The front-end calls {@link #onSegment} / {@link #onConversationBoundary} (cheap: one file
 * write); a single named worker thread ({@code voc-asr}) drains the pending-audio queue in order as fast as
 * the CPU allows, recognises, assigns a speaker role and a conversation, and hands the transcript to the sink.
 * The audio is deleted as soon as the sink's {@code onTranscript} returned (the insight stage has put the
 * record in the outbox by then).
 *
 * <p>When the engine cannot be loaded (bad model, missing libvosk) the stage reports {@code engine_unavailable}
 * with the reason, keeps buffering audio (bounded, oldest dropped) and retries the load every
 * {@code retryInterval}; it never throws out of the front-end's calls.
 */
public final class AsrStage implements SegmentListener, AutoCloseable {
    private final AsrConfig config;
    private final PendingAudioQueue queue;
    private final EngineLoader loader;
    private final Function<RecognizerFactory, RoleClassifier> roles;
    private final TranscriptSink sink;
    private final ConversationTracker tracker;
    private final Duration retryInterval;
    private final RealTimeFactor rtf = new RealTimeFactor(60_000);
    private final AtomicLong transcripts = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Object lifecycle = new Object();

    private volatile String state = "starting";
    private volatile String problem;
    private volatile boolean running;
    private Thread worker;
    private RecognizerFactory engine;
    private RoleClassifier classifier;
    private KeywordBoost boost;

    /**
     * @param roles builds the role classifier once the engine is loaded (it depends on whether a speaker model is)
     */
    public AsrStage(
            AsrConfig config,
            PendingAudioQueue queue,
            EngineLoader loader,
            Function<RecognizerFactory, RoleClassifier> roles,
            TranscriptSink sink,
            Duration retryInterval) {
        this.config = config;
        this.queue = queue;
        this.loader = loader;
        this.roles = roles;
        this.sink = sink;
        this.retryInterval = retryInterval;
        this.tracker = new ConversationTracker(config.silenceGapMs(), config.maxConversationMs(), sink);
    }

    /**
     * The production wiring: Vosk engine, x-vector roles when a speaker model and an enrolment are configured,
     * the level heuristic otherwise; engine retry every 60 s.
     */
    public static AsrStage create(AsrConfig config, TranscriptSink sink) {
        PendingAudioQueue queue =
                new PendingAudioQueue(config.pendingDir(), config.pendingMaxBytes(), config.pendingMaxSeconds() * 1000);
        Function<RecognizerFactory, RoleClassifier> roles = f -> {
            if (f.hasSpeakerModel() && config.enrolment() != null) {
                try {
                    var e = io.vocedge.device.conversation.StaffEnrolment.load(config.enrolment());
                    return new io.vocedge.device.conversation.XVectorRoleClassifier(
                            e.vector(), config.staffThreshold(), config.customerThreshold());
                } catch (java.io.IOException ex) {
                    Logger.error(
                            "asr: staff enrolment unreadable, using the level heuristic file={} reason={}",
                            config.enrolment(),
                            ex.getMessage());
                }
            }
            return new io.vocedge.device.conversation.LevelRoleClassifier();
        };
        return new AsrStage(config, queue, new VoskEngineLoader(config), roles, sink, Duration.ofSeconds(60));
    }

    public void start() {
        synchronized (lifecycle) {
            if (worker != null) {
                throw new IllegalStateException("ASR stage already started");
            }
            running = true;
            worker = new Thread(this::run, "voc-asr");
            worker.setUncaughtExceptionHandler((t, e) -> Logger.error(e, "asr worker died thread={}", t.getName()));
            worker.start();
        }
    }

    @Override
    public void onSegment(SpeechSegment segment) {
        try {
            queue.appendSegment(segment);
        } catch (RuntimeException e) {
            Logger.error("asr: segment not queued segmentId={} reason={}", segment.segmentId(), e.getMessage());
        }
    }

    @Override
    public void onConversationBoundary(long atMs) {
        queue.appendMarker(PendingEntry.Kind.BOUNDARY, atMs);
    }

    /** Button press or the end-conversation command: ends the conversation after the audio queued so far. */
    public void endConversation(long atMs) {
        queue.appendMarker(PendingEntry.Kind.BUTTON, atMs);
    }

    /** Privacy: deletes pending audio not yet recognised, written at or after {@code sinceMs} (Long.MIN_VALUE: all). */
    public int dropPendingAudio(long sinceMs) {
        return queue.dropSegmentsSince(sinceMs);
    }

    public AsrStatus status() {
        QueueStats q = queue.stats();
        return new AsrStatus(
                state,
                problem,
                q.backlogMs(),
                q.entries(),
                q.bytes(),
                q.droppedSegments(),
                q.droppedMs(),
                rtf.current(),
                rtf.lifetime(),
                transcripts.get(),
                failed.get());
    }

    private void run() {
        while (running) {
            try {
                if (engine == null && !loadEngine()) {
                    Thread.sleep(retryInterval.toMillis());
                    continue;
                }
                Optional<PendingEntry> next = queue.take(Duration.ofMillis(200));
                if (next.isPresent()) {
                    handle(next.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Logger.error(e, "asr worker error, continuing");
            }
        }
    }

    private boolean loadEngine() {
        try {
            RecognizerFactory f = loader.load();
            classifier = roles.apply(f);
            boost = config.keywordBoost() ? new KeywordBoost(f, config.keywords(), 0.6, 0.8) : null;
            if (boost != null && !boost.applicable()) {
                Logger.warn("asr: keyword boost configured but the model has no runtime grammar support; disabled");
                boost = null;
            }
            engine = f;
            problem = null;
            state = "running";
            Logger.info(
                    "asr engine loaded model={} lang={} speakerModel={}",
                    config.model(),
                    config.lang(),
                    f.hasSpeakerModel());
            return true;
        } catch (EngineLoader.EngineUnavailableException | RuntimeException e) {
            if (!e.getMessage().equals(problem)) {
                Logger.error("asr engine unavailable, audio keeps buffering reason={}", e.getMessage());
            }
            problem = e.getMessage();
            state = "engine_unavailable";
            return false;
        }
    }

    private void handle(PendingEntry entry) throws InterruptedException {
        switch (entry.kind()) {
            case BOUNDARY -> tracker.onSilenceBoundary(entry.atMs());
            case BUTTON -> tracker.onButton(entry.atMs());
            case SEGMENT -> {
                SpeechSegment seg = entry.segment();
                Recognition r;
                long t0 = System.nanoTime();
                try {
                    r = recognize(seg);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    Logger.error(
                            "asr: segment failed and dropped segmentId={} reason={}", seg.segmentId(), e.getMessage());
                    queue.complete(entry);
                    return;
                }
                rtf.record(System.nanoTime() - t0, entry.audioMs());
                if (!r.isEmpty()) {
                    SpeakerRole role = classifier.classify(seg.levelDbfs(), r.speakerVector());
                    String conv = tracker.onUtterance(seg.startMs(), seg.endMs(), role);
                    Transcript t = new Transcript(
                            seg.segmentId(),
                            seg.startMs(),
                            seg.endMs(),
                            config.lang(),
                            r.text(),
                            r.words(),
                            r.confidence(),
                            role,
                            conv,
                            "vosk");
                    try {
                        sink.onTranscript(t);
                    } catch (RuntimeException e) {
                        Logger.error(
                                "asr: transcript sink refused, audio kept and retried segmentId={} reason={}",
                                seg.segmentId(),
                                e.getMessage());
                        Thread.sleep(retryInterval.toMillis());
                        return;
                    }
                    transcripts.incrementAndGet();
                    Logger.debug(
                            "asr transcript segmentId={} words={} conf={} role={}",
                            seg.segmentId(),
                            r.words().size(),
                            r.confidence(),
                            role);
                }
            }
        }
        queue.complete(entry);
    }

    private Recognition recognize(SpeechSegment seg) {
        Recognition r =
                new SegmentRecognizer(engine).recognize(seg, p -> Logger.trace("asr partial chars={}", p.length()));
        return boost == null ? r : boost.apply(seg, r);
    }

    /** Stops the worker (the current segment finishes first), ends the open conversation and frees the engine. Idempotent. */
    @Override
    public void close() {
        Thread w;
        synchronized (lifecycle) {
            if (!running && worker == null) {
                return;
            }
            running = false;
            w = worker;
            worker = null;
        }
        if (w != null) {
            w.interrupt();
            try {
                w.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tracker.onShutdown();
        if (engine != null) {
            engine.close();
        }
        state = "stopped";
    }
}

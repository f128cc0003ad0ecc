package io.vocedge.device.conversation;

import io.vocedge.device.pipeline.ConversationEnd;
import io.vocedge.device.pipeline.TranscriptSink;
import io.vocedge.protocol.SpeakerRole;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Groups utterances into conversations on the capture clock. A conversation starts with its first
 * utterance and ends on: a silence longer than {@code silenceGapMs} (seen by the front-end's boundary event or
 * by the next utterance's start), the button ({@code button}), reaching {@code maxLengthMs} ({@code max_length})
 * or shutdown. Each end is reported once to the sink with its durations and talk time per role.
 * Used from the recognizer thread only.
 */
public final class ConversationTracker {
    private final long silenceGapMs;
    private final long maxLengthMs;
    private final TranscriptSink sink;
    private final Supplier<String> ids;

    private String currentId;
    private long startMs;
    private long lastEndMs;
    private final Map<SpeakerRole, Long> talk = new EnumMap<>(SpeakerRole.class);

    public ConversationTracker(long silenceGapMs, long maxLengthMs, TranscriptSink sink) {
        this(silenceGapMs, maxLengthMs, sink, () -> UUID.randomUUID().toString());
    }

    public ConversationTracker(long silenceGapMs, long maxLengthMs, TranscriptSink sink, Supplier<String> ids) {
        if (silenceGapMs <= 0 || maxLengthMs <= silenceGapMs) {
            throw new IllegalArgumentException(
                    "need 0 < silenceGapMs < maxLengthMs, got " + silenceGapMs + " / " + maxLengthMs);
        }
        this.silenceGapMs = silenceGapMs;
        this.maxLengthMs = maxLengthMs;
        this.sink = sink;
        this.ids = ids;
    }

    /**
     * Places an utterance, ending the current conversation first if the gap or the maximum length says so.
     *
     * @return the conversation id the utterance belongs to
     */
    public String onUtterance(long uttStartMs, long uttEndMs, SpeakerRole role) {
        if (currentId != null) {
            if (uttStartMs - lastEndMs > silenceGapMs) {
                end(lastEndMs, "silence");
            } else if (uttEndMs - startMs > maxLengthMs) {
                end(lastEndMs, "max_length");
            }
        }
        if (currentId == null) {
            currentId = ids.get();
            startMs = uttStartMs;
            talk.clear();
        }
        lastEndMs = Math.max(lastEndMs, uttEndMs);
        talk.merge(role, Math.max(0, uttEndMs - uttStartMs), Long::sum);
        return currentId;
    }

    /** The front-end saw a long silence. */
    public void onSilenceBoundary(long atMs) {
        if (currentId != null) {
            end(lastEndMs, "silence");
        }
    }

    /** Button press or end command. */
    public void onButton(long atMs) {
        if (currentId != null) {
            end(Math.max(lastEndMs, Math.min(atMs, lastEndMs + silenceGapMs)), "button");
        }
    }

    public void onShutdown() {
        if (currentId != null) {
            end(lastEndMs, "shutdown");
        }
    }

    public String currentConversationId() {
        return currentId;
    }

    private void end(long endMs, String reason) {
        Map<String, Long> byRole = new LinkedHashMap<>();
        for (SpeakerRole r : SpeakerRole.values()) {
            byRole.put(r.wireName(), talk.getOrDefault(r, 0L));
        }
        ConversationEnd e = new ConversationEnd(currentId, startMs, endMs, reason, byRole);
        currentId = null;
        talk.clear();
        sink.onConversationEnd(e);
    }
}

package io.vocedge.device.asr;

import io.vocedge.device.pipeline.ConversationEnd;
import io.vocedge.device.pipeline.Transcript;
import io.vocedge.device.pipeline.TranscriptSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Collects what the ASR stage emits; can refuse the first N transcripts like a full outbox would. */
final class RecordingSink implements TranscriptSink {
    final List<Transcript> transcripts = new CopyOnWriteArrayList<>();
    final List<ConversationEnd> ends = new CopyOnWriteArrayList<>();
    final AtomicInteger refuseNext = new AtomicInteger();
    volatile Runnable onAccept = () -> {};

    @Override
    public void onTranscript(Transcript transcript) {
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("outbox refused");
        }
        onAccept.run();
        transcripts.add(transcript);
    }

    @Override
    public void onConversationEnd(ConversationEnd end) {
        ends.add(end);
    }
}

package io.vocedge.device.privacy;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * {@link ConversationControl} on top of the recognition pipeline's conversation markers. The
 * {@code ConversationTracker} lives on the recognizer thread and must only be touched from there, so this adapter
 * never calls it: it appends a marker at the current capture time to the pending-audio queue (wire
 * {@code marker} to {@code AsrStage::endConversation}), and the recognizer applies it in capture order, after the
 * audio queued before the press.
 *
 * <p>The tracker opens a conversation with the first utterance after a marker, so "start" ends whatever was open
 * (an automatically detected conversation) and "end" closes the staff-started one; both are a marker.
 */
public final class MarkerConversationControl implements ConversationControl {
    private final LongConsumer marker;
    private final LongSupplier captureClockMs;
    private volatile boolean open;

    /**
     * @param marker appends a conversation-end marker at the given capture time ({@code AsrStage::endConversation})
     * @param captureClockMs the capture clock (ms) the front-end stamps segments with
     */
    public MarkerConversationControl(LongConsumer marker, LongSupplier captureClockMs) {
        this.marker = marker;
        this.captureClockMs = captureClockMs;
    }

    @Override
    public synchronized void startConversation(String source) {
        marker.accept(captureClockMs.getAsLong());
        open = true;
        Logger.info("event=conversation_started source={}", source);
    }

    @Override
    public synchronized void endConversation(String source) {
        marker.accept(captureClockMs.getAsLong());
        open = false;
        Logger.info("event=conversation_ended source={}", source);
    }

    @Override
    public boolean inConversation() {
        return open;
    }

    @Override
    public synchronized boolean toggleConversation(String source) {
        return ConversationControl.super.toggleConversation(source);
    }
}

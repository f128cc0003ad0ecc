package io.vocedge.device.privacy;

/**
 * Starts and ends conversations on request of staff (the button's long press, or the gateway's
 * {@code start_conversation} / {@code end_conversation} commands). Implementations must be thread-safe: the
 * button and the command worker call from their own threads.
 */
public interface ConversationControl {
    /** Staff begin talking to a customer: whatever was heard before belongs to an earlier conversation. */
    void startConversation(String source);

    /** The conversation is over: its summary is produced after the audio heard so far. */
    void endConversation(String source);

    /** Whether a conversation started by {@link #startConversation} is open. */
    boolean inConversation();

    /** Toggles: ends an open conversation, or starts one; returns whether a conversation is open afterwards. */
    default boolean toggleConversation(String source) {
        if (inConversation()) {
            endConversation(source);
            return false;
        }
        startConversation(source);
        return true;
    }
}

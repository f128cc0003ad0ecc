package io.vocedge.device.hardware;

/** Something that shows the agent state: the single GPIO LED or the APA102 ring. */
public interface LightOutput extends AutoCloseable {
    /**
     * Shows {@code state} in its current phase; called on every tick of the status light, so implementations
     * write to the hardware only when what they show changes.
     */
    void show(AgentState state, long elapsedMs);

    /** Turns the light off. */
    @Override
    void close();
}

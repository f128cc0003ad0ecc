package io.vocedge.device.audio;

import java.io.IOException;

/**
 * A capture source: a microphone through Java Sound, or a WAV file that behaves like one. Used by one capture
 * thread; {@link #close()} may be called from another thread (the stall watchdog) and must unblock a
 * {@link #read} in progress.
 */
public interface FrameSource extends AutoCloseable {
    PcmFormat format();

    /**
     * Reads up to {@code maxFrames} interleaved frames as floats into {@code dst}. Blocks until at least one
     * frame is there.
     *
     * @return frames read, or -1 at the end of a finite source
     * @throws IOException when the device failed (unplugged, link lost, closed under the reader)
     */
    int read(float[] dst, int maxFrames) throws IOException;

    /** Frames the device captured but we never read (buffer overruns), cumulative since open. */
    long overrunFrames();

    /** e.g. {@code alsa:"ReSpeaker 4 Mic Array" 16000Hz/4ch/16bit} or {@code wav:/path}. */
    String describe();

    @Override
    void close();
}

package io.vocedge.device.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A WAV file as a capture source (any rate, 1 to 8 channels, 16/24/32-bit PCM or 32-bit float; the JDK parses
 * the RIFF/WAVE_FORMAT_EXTENSIBLE headers). In real-time mode reads are paced to the wall clock, so the agent
 * sees exactly what a microphone would give; otherwise as fast as the front-end takes them.
 */
public final class WavFileSource implements FrameSource {
    private final Path file;
    private final AudioInputStream in;
    private final PcmFormat format;
    private final boolean realTime;
    private byte[] raw = new byte[0];
    private long framesRead;
    private long startNanos;
    private volatile boolean closed;

    private WavFileSource(Path file, AudioInputStream in, PcmFormat format, boolean realTime) {
        this.file = file;
        this.in = in;
        this.format = format;
        this.realTime = realTime;
    }

    public static WavFileSource open(Path file, boolean realTime) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("WAV file " + file + " does not exist or is not a file");
        }
        InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        AudioInputStream ais;
        try {
            ais = AudioSystem.getAudioInputStream(stream);
        } catch (UnsupportedAudioFileException e) {
            stream.close();
            throw new IOException(
                    file + " is not a WAV file this build can read (" + e.getMessage() + "); convert it with 'sox "
                            + file + " -b 16 out.wav'",
                    e);
        }
        try {
            return new WavFileSource(file, ais, PcmFormat.of(ais.getFormat()), realTime);
        } catch (IllegalArgumentException e) {
            ais.close();
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public PcmFormat format() {
        return format;
    }

    @Override
    public int read(float[] dst, int maxFrames) throws IOException {
        if (closed) {
            throw new IOException("source closed");
        }
        int bytesPerFrame = format.bytesPerFrame();
        if (raw.length < maxFrames * bytesPerFrame) {
            raw = new byte[maxFrames * bytesPerFrame]; // grows once, on the first read
        }
        if (realTime) {
            pace();
        }
        int want = maxFrames * bytesPerFrame;
        int got = 0;
        while (got < want) {
            int r = in.read(raw, got, want - got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        int frames = got / bytesPerFrame;
        if (frames == 0) {
            return -1;
        }
        PcmDecoder.decode(raw, frames, format, dst);
        framesRead += frames;
        return frames;
    }

    private void pace() throws IOException {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
            return;
        }
        long dueNanos = startNanos + framesRead * 1_000_000_000L / format.sampleRate();
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while pacing " + file, e);
            }
        }
    }

    @Override
    public long overrunFrames() {
        return 0;
    }

    @Override
    public String describe() {
        return "wav:" + file + " " + format;
    }

    @Override
    public void close() {
        closed = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to release beyond the file handle
        }
    }
}

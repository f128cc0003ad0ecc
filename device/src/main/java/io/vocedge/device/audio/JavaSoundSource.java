package io.vocedge.device.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.tinylog.Logger;

/**
 * A live microphone through Java Sound (ALSA underneath). Opens the configured rate and channel count at 16,
 * 24 or 32 bits, whichever the device offers first. Overruns are estimated from the line's frame position:
 * frames the device delivered beyond what we read plus what the line buffer holds were lost.
 *
 * <p>Not exercised on this build machine (it has no sound card); the contract it shares with
 * {@link WavFileSource} is tested, and the capture loop's fault handling is tested with failing sources.
 */
public final class JavaSoundSource implements FrameSource {
    private final TargetDataLine line;
    private final PcmFormat format;
    private final String name;
    private final int bufferFrames;
    private byte[] raw = new byte[0];
    private long framesRead;
    private long overrun;
    private volatile boolean closed;

    private JavaSoundSource(TargetDataLine line, PcmFormat format, String name) {
        this.line = line;
        this.format = format;
        this.name = name;
        this.bufferFrames = line.getBufferSize() / format.bytesPerFrame();
    }

    /** Opens a device with the requested rate and channels; the buffer holds {@code bufferMs} of audio. */
    public static JavaSoundSource open(CaptureDevices.Device device, int sampleRate, int channels, int bufferMs)
            throws IOException {
        Mixer mixer = AudioSystem.getMixer(device.info());
        List<String> tried = new ArrayList<>();
        for (int bits : new int[] {16, 24, 32}) {
            PcmFormat f = new PcmFormat(sampleRate, channels, bits, PcmFormat.Encoding.SIGNED, false);
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, f.toJavaSound());
            tried.add(f.toString());
            if (!mixer.isLineSupported(info)) {
                continue;
            }
            try {
                TargetDataLine line = (TargetDataLine) mixer.getLine(info);
                int bufferBytes = Math.max(1, sampleRate * bufferMs / 1000) * f.bytesPerFrame();
                line.open(f.toJavaSound(), bufferBytes);
                line.start();
                Logger.info("event=capture_opened device=\"{}\" format={} buffer_ms={}", device.name(), f, bufferMs);
                return new JavaSoundSource(line, f, device.name());
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                throw new IOException(
                        "capture device '" + device.name() + "' could not be opened as " + f + ": " + e.getMessage()
                                + " (busy? another program may hold it: check 'fuser -v /dev/snd/*')",
                        e);
            }
        }
        throw new IOException("capture device '" + device.name() + "' offers none of " + tried + "; it offers "
                + device.formats() + ": set audio.sample_rate and audio.channels to one of those");
    }

    @Override
    public PcmFormat format() {
        return format;
    }

    @Override
    public int read(float[] dst, int maxFrames) throws IOException {
        int bpf = format.bytesPerFrame();
        if (raw.length < maxFrames * bpf) {
            raw = new byte[maxFrames * bpf]; // grows once, on the first read
        }
        if (closed) {
            throw new IOException("capture line closed");
        }
        int got = line.read(raw, 0, maxFrames * bpf);
        if (closed || !line.isOpen()) {
            throw new IOException("capture line closed under the reader (device removed or stalled)");
        }
        int frames = got / bpf;
        if (frames > 0) {
            PcmDecoder.decode(raw, frames, format, dst);
            framesRead += frames;
            long lost = line.getLongFramePosition() - framesRead - bufferFrames;
            if (lost > overrun) {
                overrun = lost;
            }
        }
        return frames;
    }

    @Override
    public long overrunFrames() {
        return overrun;
    }

    @Override
    public String describe() {
        return "alsa:\"" + name + "\" " + format;
    }

    @Override
    public void close() {
        closed = true;
        line.stop();
        line.close();
    }
}

package io.vocedge.device.asr;

import io.vocedge.device.pipeline.SpeechSegment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads a 16 kHz mono 16-bit PCM WAV (what the front-end produces) into samples; other formats are refused with the sox fix. */
public final class WavReader {
    private WavReader() {}

    public static short[] read16kMono(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleRate() != SpeechSegment.SAMPLE_RATE
                    || f.getChannels() != 1
                    || f.getSampleSizeInBits() != 16
                    || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new IOException(
                        wav + " is " + f + ": convert it with 'sox " + wav + " -r 16000 -c 1 -b 16 out.wav'");
            }
            byte[] raw = in.readAllBytes();
            short[] s = new short[raw.length / 2];
            ByteBuffer.wrap(raw)
                    .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer()
                    .get(s);
            return s;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a WAV file Java can read: " + e.getMessage(), e);
        }
    }

    /** RMS level in dBFS (-inf for digital silence), as the front-end computes {@link SpeechSegment#levelDbfs()}. */
    public static double levelDbfs(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return s.length == 0 || sum == 0
                ? Double.NEGATIVE_INFINITY
                : 20 * Math.log10(Math.sqrt(sum / s.length) / 32768.0);
    }
}

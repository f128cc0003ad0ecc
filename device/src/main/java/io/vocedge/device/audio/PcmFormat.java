package io.vocedge.device.audio;

import javax.sound.sampled.AudioFormat;

/** The raw sample layout of a capture source: rate, channels, sample encoding. Samples are interleaved. */
public record PcmFormat(int sampleRate, int channels, int bitsPerSample, Encoding encoding, boolean bigEndian) {
    public enum Encoding {
        SIGNED,
        UNSIGNED,
        FLOAT
    }

    public static final int MAX_CHANNELS = 8;

    public PcmFormat {
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 8000..192000");
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException(channels + " channels: 1 to " + MAX_CHANNELS + " are supported");
        }
        boolean ok = switch (encoding) {
            case SIGNED -> bitsPerSample == 16 || bitsPerSample == 24 || bitsPerSample == 32;
            case UNSIGNED -> bitsPerSample == 8;
            case FLOAT -> bitsPerSample == 32;
        };
        if (!ok) {
            throw new IllegalArgumentException(
                    bitsPerSample + "-bit " + encoding + " samples are not supported: use 16/24/32-bit "
                            + "signed PCM, 8-bit unsigned or 32-bit float (sox in.wav -b 16 out.wav converts)");
        }
    }

    public static PcmFormat signed16(int sampleRate, int channels) {
        return new PcmFormat(sampleRate, channels, 16, Encoding.SIGNED, false);
    }

    public int bytesPerFrame() {
        return channels * bitsPerSample / 8;
    }

    /** Maps a Java Sound format, or explains why it cannot be used. */
    public static PcmFormat of(AudioFormat f) {
        Encoding e;
        if (AudioFormat.Encoding.PCM_SIGNED.equals(f.getEncoding())) {
            e = Encoding.SIGNED;
        } else if (AudioFormat.Encoding.PCM_UNSIGNED.equals(f.getEncoding())) {
            e = Encoding.UNSIGNED;
        } else if (AudioFormat.Encoding.PCM_FLOAT.equals(f.getEncoding())) {
            e = Encoding.FLOAT;
        } else {
            throw new IllegalArgumentException("audio encoding " + f.getEncoding() + " is not PCM: convert with "
                    + "'sox in.wav -e signed-integer out.wav'");
        }
        return new PcmFormat(
                Math.round(f.getSampleRate()), f.getChannels(), f.getSampleSizeInBits(), e, f.isBigEndian());
    }

    public AudioFormat toJavaSound() {
        AudioFormat.Encoding e = switch (encoding) {
            case SIGNED -> AudioFormat.Encoding.PCM_SIGNED;
            case UNSIGNED -> AudioFormat.Encoding.PCM_UNSIGNED;
            case FLOAT -> AudioFormat.Encoding.PCM_FLOAT;
        };
        return new AudioFormat(e, sampleRate, bitsPerSample, channels, bytesPerFrame(), sampleRate, bigEndian);
    }

    @Override
    public String toString() {
        return sampleRate + "Hz/" + channels + "ch/" + bitsPerSample + "bit-"
                + encoding.name().toLowerCase(java.util.Locale.ROOT);
    }
}

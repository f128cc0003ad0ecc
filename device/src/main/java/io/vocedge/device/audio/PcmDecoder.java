package io.vocedge.device.audio;

/** Turns raw interleaved PCM bytes into interleaved floats in [-1, 1). Allocation-free. */
final class PcmDecoder {
    private PcmDecoder() {}

    static void decode(byte[] src, int frames, PcmFormat f, float[] dst) {
        int n = frames * f.channels();
        switch (f.encoding()) {
            case SIGNED -> {
                switch (f.bitsPerSample()) {
                    case 16 -> decode16(src, n, f.bigEndian(), dst);
                    case 24 -> decode24(src, n, f.bigEndian(), dst);
                    default -> decode32(src, n, f.bigEndian(), dst);
                }
            }
            case UNSIGNED -> {
                for (int i = 0; i < n; i++) {
                    dst[i] = ((src[i] & 0xff) - 128) / 128f;
                }
            }
            case FLOAT -> {
                for (int i = 0, b = 0; i < n; i++, b += 4) {
                    dst[i] = Float.intBitsToFloat(int32(src, b, f.bigEndian()));
                }
            }
        }
    }

    private static void decode16(byte[] s, int n, boolean be, float[] dst) {
        for (int i = 0, b = 0; i < n; i++, b += 2) {
            int v = be ? (s[b] << 8) | (s[b + 1] & 0xff) : (s[b + 1] << 8) | (s[b] & 0xff);
            dst[i] = v / 32768f;
        }
    }

    private static void decode24(byte[] s, int n, boolean be, float[] dst) {
        for (int i = 0, b = 0; i < n; i++, b += 3) {
            int v = be
                    ? (s[b] << 16) | ((s[b + 1] & 0xff) << 8) | (s[b + 2] & 0xff)
                    : (s[b + 2] << 16) | ((s[b + 1] & 0xff) << 8) | (s[b] & 0xff);
            dst[i] = v / 8388608f;
        }
    }

    private static void decode32(byte[] s, int n, boolean be, float[] dst) {
        for (int i = 0, b = 0; i < n; i++, b += 4) {
            dst[i] = int32(s, b, be) / 2147483648f;
        }
    }

    private static int int32(byte[] s, int b, boolean be) {
        return be
                ? (s[b] << 24) | ((s[b + 1] & 0xff) << 16) | ((s[b + 2] & 0xff) << 8) | (s[b + 3] & 0xff)
                : (s[b + 3] << 24) | ((s[b + 2] & 0xff) << 16) | ((s[b + 1] & 0xff) << 8) | (s[b] & 0xff);
    }
}

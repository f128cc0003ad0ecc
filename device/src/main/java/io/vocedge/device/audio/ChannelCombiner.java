package io.vocedge.device.audio;

/** Turns N filtered capture channels into one, at the capture rate. Implementations allocate nothing per call. */
interface ChannelCombiner {
    void combine(float[] interleaved, int frames, float[] mono);

    /** What it currently listens to, for status: e.g. {@code channel 2} or {@code azimuth 120}. */
    String describe();

    /**
     * Whether the VAD takes the latest audio for foreground speech (called before every block). A steering combiner
     * uses it to follow the talker only, not a TV or babble that is loud in the pauses. Never called: it decides on
     * its own (level).
     */
    default void speech(boolean foreground) {}

    /** The device was reopened or muted: forget any history that spans the gap. */
    default void reset() {}

    static ChannelCombiner single(int channels, int index) {
        return new ChannelCombiner() {
            @Override
            public void combine(float[] in, int frames, float[] mono) {
                for (int f = 0, i = index; f < frames; f++, i += channels) {
                    mono[f] = in[i];
                }
            }

            @Override
            public String describe() {
                return "channel " + index;
            }
        };
    }

    static ChannelCombiner average(int channels) {
        return new ChannelCombiner() {
            @Override
            public void combine(float[] in, int frames, float[] mono) {
                float scale = 1f / channels;
                for (int f = 0; f < frames; f++) {
                    float s = 0;
                    int base = f * channels;
                    for (int c = 0; c < channels; c++) {
                        s += in[base + c];
                    }
                    mono[f] = s * scale;
                }
            }

            @Override
            public String describe() {
                return "average of " + channels;
            }
        };
    }
}

package io.vocedge.device.conversation;

/** Vector maths for Vosk x-vectors (128 floats from vosk-model-spk-0.4). */
public final class SpeakerVectors {
    private SpeakerVectors() {}

    /** Cosine similarity in [-1, 1]; 0 when either vector is all zeros. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("speaker vectors differ in length: " + a.length + " vs " + b.length
                    + " (enrolled with another speaker model? enrol again)");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Element-wise mean, used to enrol from several utterances. */
    public static float[] mean(java.util.List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no speaker vectors to average");
        }
        float[] m = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            if (v.length != m.length) {
                throw new IllegalArgumentException("speaker vectors differ in length");
            }
            for (int i = 0; i < m.length; i++) {
                m[i] += v[i] / vectors.size();
            }
        }
        return m;
    }
}

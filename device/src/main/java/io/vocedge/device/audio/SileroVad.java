package io.vocedge.device.audio;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * {@code audio.vad: silero}: Silero VAD (MIT, Silero Team; the ONNX file as the npm package {@code @ricky0123/vad-web}
 * ships it, vendored under {@code resources/io/vocedge/device/audio/silero/} with its licence) run by ONNX Runtime on
 * the CPU, one thread. The network sees 512-sample windows (32 ms) plus 64 samples of the previous window, carries a
 * 2x1x128 state from window to window, and answers a speech probability; each 10 ms frame gets the latest.
 * {@link #ONSET} at {@code vad_threshold} and above, {@link #CONTINUE} down to {@code vad_threshold - 0.15} (Silero's
 * own hysteresis). Levels and the noise floor (for splitting and status) come from an {@link EnergyVad} alongside.
 *
 * <p>No allocation on our side per window: input, state and output tensors wrap direct buffers made once, the state
 * ping-pongs between two of them, and the outputs are pinned. ONNX Runtime's Java binding still creates a small result
 * object per run (see BENCHMARKS.md for the bytes per audio second).
 */
final class SileroVad implements VoiceDetector {
    static final String MODEL = "silero/silero_vad_v5.onnx";
    static final int WINDOW = 512;
    static final int CONTEXT = 64;

    private final EnergyVad levels;
    private final float onP;
    private final float offP;
    private final OrtSession session;
    private final FloatBuffer input;
    private final FloatBuffer[] state = new FloatBuffer[2];
    private final FloatBuffer output;
    private final OnnxTensor inputT;
    private final OnnxTensor srT;
    private final OnnxTensor[] stateT = new OnnxTensor[2];
    private final OnnxTensor outputT;
    private final List<Map<String, OnnxTensor>> inputs;
    private final List<Map<String, OnnxValue>> outputs;
    private final float[] window = new float[CONTEXT + WINDOW];
    private int fill;
    private int current;
    private float probability;
    private long runs;

    SileroVad(String modelResource, double threshold, EnergyVad levels) {
        this.levels = levels;
        this.onP = (float) threshold;
        this.offP = (float) Math.max(0.01, threshold - 0.15);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (InputStream in = SileroVad.class.getResourceAsStream(modelResource);
                OrtSession.SessionOptions opt = new OrtSession.SessionOptions()) {
            if (in == null) {
                throw new IllegalStateException(
                        "Silero VAD model " + modelResource + " missing from the jar: rebuild the agent");
            }
            byte[] model = in.readAllBytes();
            opt.setIntraOpNumThreads(1);
            opt.setInterOpNumThreads(1);
            opt.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            opt.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model, opt);
            input = direct(CONTEXT + WINDOW);
            state[0] = direct(2 * 128);
            state[1] = direct(2 * 128);
            output = direct(1);
            inputT = OnnxTensor.createTensor(env, input, new long[] {1, CONTEXT + WINDOW});
            LongBuffer sr =
                    ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).asLongBuffer();
            sr.put(0, SpeechSegmenter.RATE);
            srT = OnnxTensor.createTensor(env, sr, new long[] {1});
            stateT[0] = OnnxTensor.createTensor(env, state[0], new long[] {2, 1, 128});
            stateT[1] = OnnxTensor.createTensor(env, state[1], new long[] {2, 1, 128});
            outputT = OnnxTensor.createTensor(env, output, new long[] {1, 1});
            inputs = List.of(
                    Map.of("input", inputT, "state", stateT[0], "sr", srT),
                    Map.of("input", inputT, "state", stateT[1], "sr", srT));
            outputs = List.of(
                    Map.of("output", outputT, "stateN", stateT[1]), Map.of("output", outputT, "stateN", stateT[0]));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Silero VAD model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * 4)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    @Override
    public int classify(float[] frame) {
        levels.classify(frame);
        push(frame, 0, SpeechSegmenter.FRAME);
        return decision();
    }

    /** ONSET / CONTINUE / SILENCE for the latest probability. */
    int decision() {
        return probability >= onP ? ONSET : probability >= offP ? CONTINUE : SILENCE;
    }

    /** Feeds samples; runs the network for every full window; returns the latest probability. */
    float push(float[] x, int off, int n) {
        int i = 0;
        while (i < n) {
            int take = Math.min(n - i, WINDOW - fill);
            System.arraycopy(x, off + i, window, CONTEXT + fill, take);
            fill += take;
            i += take;
            if (fill == WINDOW) {
                probability = infer();
                System.arraycopy(window, WINDOW, window, 0, CONTEXT); // the last 64 samples: next window's context
                fill = 0;
            }
        }
        return probability;
    }

    private float infer() {
        input.put(0, window);
        try (OrtSession.Result r = session.run(inputs.get(current), outputs.get(current))) {
            current = 1 - current;
            runs++;
            return output.get(0);
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD inference failed: " + e.getMessage(), e);
        }
    }

    /** The latest speech probability (0..1). */
    float probability() {
        return probability;
    }

    long runs() {
        return runs;
    }

    @Override
    public float levelDb() {
        return levels.levelDb();
    }

    @Override
    public double noiseFloorDb() {
        return levels.noiseFloorDb();
    }

    @Override
    public void gap() {
        reset();
    }

    /** Forgets the network's state and context: the next window starts afresh. */
    void reset() {
        for (int i = 0; i < 2 * 128; i++) {
            state[0].put(i, 0f);
            state[1].put(i, 0f);
        }
        java.util.Arrays.fill(window, 0f);
        fill = 0;
        probability = 0;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        inputT.close();
        srT.close();
        stateT[0].close();
        stateT[1].close();
        outputT.close();
    }
}

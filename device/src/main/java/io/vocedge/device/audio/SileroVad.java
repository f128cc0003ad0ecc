package io.vocedge.device.audio;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/**
 * {@code audio.vad: silero}: Silero VAD (MIT, Silero Team; the ONNX file as the npm package {@code @ricky0123/vad-web}
 * ships it, vendored under {@code resources/io/vocedge/device/audio/silero/} with its licence) run by ONNX Runtime on
 * the CPU, one thread. The network sees 512-sample windows (32 ms) plus 64 samples of the previous window, carries a
 * 2x1x128 state from window to window, and answers a speech probability; each 10 ms frame gets the latest.
 * {@link #ONSET} at {@code vad_threshold} and above, {@link #CONTINUE} down to {@code vad_threshold - 0.15} (Silero's
 * own hysteresis). Levels and the noise floor (for splitting and status) come from an {@link EnergyVad} alongside.
 *
 * <p>Per window, nothing is allocated on our side: input, state and output tensors wrap direct buffers made once, the
 * state ping-pongs between two of them, and the outputs are pinned (preallocated output tensors the run writes
 * into). The binding's public {@code OrtSession.run(inputs, pinnedOutputs)} still allocates about 650 bytes per call
 * (name and handle arrays, map iterators, a {@code Result} with its map and list: ~21 KB per audio second), so when
 * the binding is the one this was written against ({@link #FAST_RUN}) the window is scored through the binding's own
 * JNI entry point with those arrays made once; the only allocation left is the 2-element {@code boolean[]} the native
 * code returns (~24 bytes per window, ~750 bytes per audio second). If that entry point is missing (a different
 * ONNX Runtime version), the public API is used and the agent logs {@code event=silero_allocating_run} once.
 */
final class SileroVad implements VoiceDetector {
    static final String MODEL = "silero/silero_vad_v5.onnx";
    static final int WINDOW = 512;
    static final int CONTEXT = 64;

    /**
     * ONNX Runtime 1.23's private {@code OrtSession.run(long api, long session, long allocator, String[] inputNames,
     * long[] inputs, long numInputs, String[] outputNames, long numOutputs, OnnxValue[] pinnedOutputs, long[]
     * outputHandles, long runOptions)}, which its public {@code run} calls after building those arrays; null when this
     * binding has no such method (then the public API). Tested by {@code FrontEndAllocationTest}.
     */
    static final MethodHandle FAST_RUN = fastRun();

    private static final MethodHandle TENSOR_HANDLE = tensorHandle();

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
    private final long apiHandle;
    private final long sessionHandle;
    private final long allocatorHandle;
    private final String[] inputNames = {"input", "state", "sr"};
    private final String[] outputNames = {"output", "stateN"};
    private final long[][] inputHandles = new long[2][];
    private final OnnxValue[][] outputValues = new OnnxValue[2][];
    private final long[][] outputHandles = new long[2][];
    private final boolean fast;
    private final float[] window = new float[CONTEXT + WINDOW];
    private int fill;
    private int current;
    private float probability;
    private long runs;

    SileroVad(String modelResource, double threshold, EnergyVad levels) {
        this(modelResource, threshold, levels, true);
    }

    /** {@code allowFastRun = false}: always the binding's public run (to compare the two in tests). */
    SileroVad(String modelResource, double threshold, EnergyVad levels, boolean allowFastRun) {
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
            long[] handles = handles(session);
            apiHandle = handles[0];
            sessionHandle = handles[1];
            allocatorHandle = handles[2];
            fast = allowFastRun && handles[3] == 1;
            for (int k = 0; k < 2; k++) {
                inputHandles[k] = new long[] {handle(inputT), handle(stateT[k]), handle(srT)};
                outputValues[k] = new OnnxValue[] {outputT, stateT[1 - k]};
                outputHandles[k] = new long[] {handle(outputT), handle(stateT[1 - k])};
            }
            if (!fast && allowFastRun) {
                Logger.warn(
                        "event=silero_allocating_run reason=\"ONNX Runtime binding without the expected run entry point:"
                                + " public API, ~21 KB allocated per audio second\"");
            }
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
        if (fast) {
            try {
                boolean[] ignored = (boolean[]) FAST_RUN.invokeExact(
                        session,
                        apiHandle,
                        sessionHandle,
                        allocatorHandle,
                        inputNames,
                        inputHandles[current],
                        3L,
                        outputNames,
                        2L,
                        outputValues[current],
                        outputHandles[current],
                        0L);
            } catch (OrtException e) {
                throw new IllegalStateException("Silero VAD inference failed: " + e.getMessage(), e);
            } catch (Throwable e) {
                throw new IllegalStateException("Silero VAD inference failed: " + e, e);
            }
        } else {
            try (OrtSession.Result r = session.run(inputs.get(current), outputs.get(current))) {
                // outputs are pinned: the result holds nothing of its own
            } catch (OrtException e) {
                throw new IllegalStateException("Silero VAD inference failed: " + e.getMessage(), e);
            }
        }
        current = 1 - current;
        runs++;
        return output.get(0);
    }

    /** Whether windows are scored without the public API's per-call allocation (see the class comment). */
    boolean allocationFree() {
        return fast;
    }

    private static MethodHandle fastRun() {
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(OrtSession.class, MethodHandles.lookup());
            return l.findVirtual(
                    OrtSession.class,
                    "run",
                    MethodType.methodType(
                            boolean[].class,
                            long.class,
                            long.class,
                            long.class,
                            String[].class,
                            long[].class,
                            long.class,
                            String[].class,
                            long.class,
                            OnnxValue[].class,
                            long[].class,
                            long.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static MethodHandle tensorHandle() {
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(OnnxTensor.class, MethodHandles.lookup());
            return l.findVirtual(OnnxTensor.class, "getNativeHandle", MethodType.methodType(long.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static long handle(OnnxTensor t) {
        if (TENSOR_HANDLE == null) {
            return 0;
        }
        try {
            return (long) TENSOR_HANDLE.invokeExact(t);
        } catch (Throwable e) {
            return 0;
        }
    }

    /** {api, session, allocator, 1 if the fast path can be used}; zeros and 0 when something is not where expected. */
    private static long[] handles(OrtSession s) {
        if (FAST_RUN == null || TENSOR_HANDLE == null) {
            return new long[4];
        }
        try {
            Field api = Class.forName(OrtSession.class.getPackageName() + ".OnnxRuntime")
                    .getDeclaredField("ortApiHandle");
            api.setAccessible(true);
            Field native_ = OrtSession.class.getDeclaredField("nativeHandle");
            native_.setAccessible(true);
            Field alloc = OrtSession.class.getDeclaredField("allocator");
            alloc.setAccessible(true);
            Object allocator = alloc.get(s);
            Field allocHandle = allocator.getClass().getDeclaredField("handle");
            allocHandle.setAccessible(true);
            long a = api.getLong(null);
            long n = native_.getLong(s);
            long h = allocHandle.getLong(allocator);
            return new long[] {a, n, h, a != 0 && n != 0 && h != 0 ? 1 : 0};
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new long[4];
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

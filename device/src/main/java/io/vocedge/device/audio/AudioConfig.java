package io.vocedge.device.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.config.ConfigException;
import io.vocedge.common.config.ConfigNode;
import io.vocedge.common.config.InvalidValuesException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audio:} section of the device config: which microphone, how to turn its channels into one
 * 16 kHz stream, and how to cut speech segments. Every field is optional; defaults suit a single USB mic.
 *
 * <pre>
 * audio:
 *   device: "ReSpeaker"        # name substring (case-insensitive) or index (#2); default: first capture device
 *   sample_rate: 16000         # capture rate the device is opened at
 *   channels: 4
 *   combine: beamform          # auto | best | beamform | average | channel
 *   mic_positions_m: [[0.032,0],[0,0.032],[-0.032,0],[0,-0.032]]   # beamform only, one [x,y] or [x,y,z] per channel
 *   highpass_hz: 100
 *   agc: false
 *   vad_on_db: 6.0             # a frame starts speech this far above the noise floor
 *   pre_roll_ms: 100
 *   hangover_ms: 500
 *   max_segment_ms: 15000
 *   conversation_gap_ms: 20000
 * </pre>
 */
public record AudioConfig(
        String device,
        Integer sampleRate,
        Integer channels,
        Integer bufferMs,
        Integer ringMs,
        String combine,
        Integer channelIndex,
        List<List<Double>> micPositionsM,
        Double highpassHz,
        Boolean agc,
        Double agcTargetDbfs,
        Double agcMaxGainDb,
        Double vadOnDb,
        Double vadOffDb,
        Integer preRollMs,
        Integer tailMs,
        Integer hangoverMs,
        Integer minSpeechMs,
        Integer maxSegmentMs,
        Integer conversationGapMs,
        Integer stallTimeoutMs,
        Integer reopenInitialMs,
        Integer reopenMaxMs,
        String vad,
        Double vadThreshold) {

    public enum Combine {
        AUTO,
        BEST,
        BEAMFORM,
        AVERAGE,
        CHANNEL
    }

    /** The voice-activity decisions ({@code audio.vad}); see {@link VoiceDetectors}. */
    public static final List<String> VADS = List.of("energy", "spectral", "silero", "hybrid");

    static final String DEFAULT_VAD = "hybrid";

    /** The settings before {@code vad} and {@code vad_threshold} existed: those at their defaults. */
    public AudioConfig(
            String device,
            Integer sampleRate,
            Integer channels,
            Integer bufferMs,
            Integer ringMs,
            String combine,
            Integer channelIndex,
            List<List<Double>> micPositionsM,
            Double highpassHz,
            Boolean agc,
            Double agcTargetDbfs,
            Double agcMaxGainDb,
            Double vadOnDb,
            Double vadOffDb,
            Integer preRollMs,
            Integer tailMs,
            Integer hangoverMs,
            Integer minSpeechMs,
            Integer maxSegmentMs,
            Integer conversationGapMs,
            Integer stallTimeoutMs,
            Integer reopenInitialMs,
            Integer reopenMaxMs) {
        this(
                device,
                sampleRate,
                channels,
                bufferMs,
                ringMs,
                combine,
                channelIndex,
                micPositionsM,
                highpassHz,
                agc,
                agcTargetDbfs,
                agcMaxGainDb,
                vadOnDb,
                vadOffDb,
                preRollMs,
                tailMs,
                hangoverMs,
                minSpeechMs,
                maxSegmentMs,
                conversationGapMs,
                stallTimeoutMs,
                reopenInitialMs,
                reopenMaxMs,
                null,
                null);
    }

    public AudioConfig {
        sampleRate = or(sampleRate, 16_000);
        channels = or(channels, 1);
        bufferMs = or(bufferMs, 500);
        ringMs = or(ringMs, 3000);
        combine = combine == null ? "auto" : combine.toLowerCase(java.util.Locale.ROOT);
        channelIndex = or(channelIndex, 0);
        micPositionsM = micPositionsM == null
                ? List.of()
                : micPositionsM.stream().map(List::copyOf).toList();
        highpassHz = highpassHz == null ? 100.0 : highpassHz;
        agc = agc != null && agc;
        agcTargetDbfs = agcTargetDbfs == null ? -23.0 : agcTargetDbfs;
        agcMaxGainDb = agcMaxGainDb == null ? 24.0 : agcMaxGainDb;
        vadOnDb = vadOnDb == null ? 6.0 : vadOnDb;
        vadOffDb = vadOffDb == null ? 3.0 : vadOffDb;
        preRollMs = or(preRollMs, 100);
        tailMs = or(tailMs, 100);
        hangoverMs = or(hangoverMs, 500);
        minSpeechMs = or(minSpeechMs, 200);
        maxSegmentMs = or(maxSegmentMs, 15_000);
        conversationGapMs = or(conversationGapMs, 20_000);
        stallTimeoutMs = or(stallTimeoutMs, 2000);
        reopenInitialMs = or(reopenInitialMs, 500);
        reopenMaxMs = or(reopenMaxMs, 30_000);
        vad = vad == null ? DEFAULT_VAD : vad.toLowerCase(java.util.Locale.ROOT);
        vadThreshold = vadThreshold == null ? 0.5 : vadThreshold;

        List<String> e = new ArrayList<>();
        if (sampleRate < 8000 || sampleRate > 192_000) {
            e.add("audio.sample_rate " + sampleRate + " must be 8000..192000 (typical: 16000, 44100, 48000)");
        }
        if (channels < 1 || channels > PcmFormat.MAX_CHANNELS) {
            e.add("audio.channels " + channels + " must be 1..8");
        }
        if (bufferMs < 20 || bufferMs > 5000) {
            e.add("audio.buffer_ms " + bufferMs + " must be 20..5000");
        }
        if (ringMs < 200 || ringMs > 60_000) {
            e.add("audio.ring_ms " + ringMs + " must be 200..60000");
        }
        Combine mode = null;
        try {
            mode = Combine.valueOf(combine.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            e.add("audio.combine '" + combine + "' must be one of auto, best, beamform, average, channel");
        }
        if (mode == Combine.CHANNEL && (channelIndex < 0 || channelIndex >= channels)) {
            e.add("audio.channel_index " + channelIndex + " must be 0.." + (channels - 1));
        }
        if (mode == Combine.BEAMFORM) {
            if (micPositionsM.size() != channels) {
                e.add("audio.combine is beamform but audio.mic_positions_m has " + micPositionsM.size()
                        + " entries for " + channels
                        + " channels: give one [x, y] (metres) per channel, in channel order");
            }
            for (List<Double> p : micPositionsM) {
                if (p.size() < 2 || p.size() > 3 || p.stream().anyMatch(v -> v == null || Math.abs(v) > 1)) {
                    e.add("audio.mic_positions_m entry " + p
                            + " must be [x, y] or [x, y, z] in metres, each within 1 m");
                    break;
                }
            }
        }
        if (!(highpassHz >= 20 && highpassHz <= 300)) {
            e.add("audio.highpass_hz " + highpassHz + " must be 20..300");
        }
        if (!(agcTargetDbfs < -3 && agcTargetDbfs > -50) || !(agcMaxGainDb >= 0 && agcMaxGainDb <= 40)) {
            e.add("audio.agc_target_dbfs must be in (-50, -3) and audio.agc_max_gain_db in 0..40");
        }
        if (!(vadOnDb > 0 && vadOnDb <= 30) || !(vadOffDb > 0 && vadOffDb <= vadOnDb)) {
            e.add("audio.vad_on_db must be in (0, 30] and audio.vad_off_db in (0, vad_on_db]");
        }
        if (preRollMs < 0 || preRollMs > 1000 || tailMs < 0 || tailMs > 1000) {
            e.add("audio.pre_roll_ms and audio.tail_ms must be 0..1000");
        }
        if (hangoverMs < 50 || hangoverMs > 5000) {
            e.add("audio.hangover_ms " + hangoverMs + " must be 50..5000");
        }
        if (minSpeechMs < 30 || minSpeechMs > 5000) {
            e.add("audio.min_speech_ms " + minSpeechMs + " must be 30..5000");
        }
        if (maxSegmentMs < 2000 || maxSegmentMs > 60_000) {
            e.add("audio.max_segment_ms " + maxSegmentMs + " must be 2000..60000");
        }
        if (conversationGapMs <= hangoverMs) {
            e.add("audio.conversation_gap_ms " + conversationGapMs + " must exceed audio.hangover_ms " + hangoverMs);
        }
        if (!VADS.contains(vad)) {
            e.add("audio.vad '" + vad + "' must be one of " + String.join(", ", VADS));
        }
        if (!(vadThreshold >= 0.05 && vadThreshold <= 0.95)) {
            e.add("audio.vad_threshold " + vadThreshold
                    + " must be 0.05..0.95 (speech probability to start a segment)");
        }
        if (stallTimeoutMs < 200 || reopenInitialMs < 10 || reopenMaxMs < reopenInitialMs) {
            e.add("audio.stall_timeout_ms must be >= 200, audio.reopen_initial_ms >= 10 and <= audio.reopen_max_ms");
        }
        InvalidValuesException.throwIfAny(e);
    }

    public static AudioConfig defaults() {
        return new AudioConfig(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /**
     * Reads the {@code audio:} section strictly: every key typed and range-checked by {@link ConfigNode}, rules across
     * keys by the constructor; all problems go to the section's document (listed at once with the file's others).
     */
    public static AudioConfig read(ConfigNode a) {
        AudioConfig d = defaults();
        int before = a.document().problemCount();
        String device = a.string("device", null);
        int rate = a.integer("sample_rate", d.sampleRate(), 8000, 192_000);
        int ch = a.integer("channels", d.channels(), 1, PcmFormat.MAX_CHANNELS);
        int buffer = a.integer("buffer_ms", d.bufferMs(), 20, 5000);
        int ring = a.integer("ring_ms", d.ringMs(), 200, 60_000);
        String combine = a.oneOf("combine", d.combine(), "auto", "best", "beamform", "average", "channel");
        int channelIndex = a.integer("channel_index", d.channelIndex(), 0, PcmFormat.MAX_CHANNELS - 1);
        List<List<Double>> positions = a.numberLists("mic_positions_m", d.micPositionsM());
        double highpass = a.decimal("highpass_hz", d.highpassHz(), 20, 300);
        boolean agc = a.bool("agc", d.agc());
        double agcTarget = a.decimal("agc_target_dbfs", d.agcTargetDbfs(), -49.9, -3.1);
        double agcMax = a.decimal("agc_max_gain_db", d.agcMaxGainDb(), 0, 40);
        double vadOn = a.decimal("vad_on_db", d.vadOnDb(), 0.1, 30);
        double vadOff = a.decimal("vad_off_db", d.vadOffDb(), 0.1, 30);
        int preRoll = a.integer("pre_roll_ms", d.preRollMs(), 0, 1000);
        int tail = a.integer("tail_ms", d.tailMs(), 0, 1000);
        int hangover = a.integer("hangover_ms", d.hangoverMs(), 50, 5000);
        int minSpeech = a.integer("min_speech_ms", d.minSpeechMs(), 30, 5000);
        int maxSegment = a.integer("max_segment_ms", d.maxSegmentMs(), 2000, 60_000);
        int gap = a.integer("conversation_gap_ms", d.conversationGapMs(), 100, 3_600_000);
        int stall = a.integer("stall_timeout_ms", d.stallTimeoutMs(), 200, 60_000);
        int reopenInitial = a.integer("reopen_initial_ms", d.reopenInitialMs(), 10, 60_000);
        int reopenMax = a.integer("reopen_max_ms", d.reopenMaxMs(), 10, 600_000);
        String vad = a.oneOf("vad", d.vad(), VADS.toArray(String[]::new));
        double vadThreshold = a.decimal("vad_threshold", d.vadThreshold(), 0.05, 0.95);
        if (a.document().problemCount() > before) {
            return d; // cross-key rules on fallback values would only add noise
        }
        return a.document()
                .build(
                        () -> new AudioConfig(
                                device,
                                rate,
                                ch,
                                buffer,
                                ring,
                                combine,
                                channelIndex,
                                positions,
                                highpass,
                                agc,
                                agcTarget,
                                agcMax,
                                vadOn,
                                vadOff,
                                preRoll,
                                tail,
                                hangover,
                                minSpeech,
                                maxSegment,
                                gap,
                                stall,
                                reopenInitial,
                                reopenMax,
                                vad,
                                vadThreshold),
                        d);
    }

    /**
     * A section handed over as a tree (tests, tools): read exactly like the file's {@code audio:} section. Missing or
     * empty: defaults. Problems: one {@link IllegalArgumentException} listing them all.
     */
    public static AudioConfig from(JsonNode section) {
        try {
            ConfigDocument doc = ConfigDocument.of(
                    JsonNodeFactory.instance
                            .objectNode()
                            .set("audio", section == null || section.isMissingNode() ? null : section),
                    "audio section");
            AudioConfig c = read(doc.root().section("audio"));
            doc.finish();
            return c;
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The section as {@code config check} prints it: every default filled in, in the file's key names. */
    public java.util.Map<String, Object> effective() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("device", device);
        m.put("sample_rate", sampleRate);
        m.put("channels", channels);
        m.put("buffer_ms", bufferMs);
        m.put("ring_ms", ringMs);
        m.put("combine", combine);
        m.put("channel_index", channelIndex);
        m.put("mic_positions_m", micPositionsM);
        m.put("highpass_hz", highpassHz);
        m.put("agc", agc);
        m.put("agc_target_dbfs", agcTargetDbfs);
        m.put("agc_max_gain_db", agcMaxGainDb);
        m.put("vad_on_db", vadOnDb);
        m.put("vad_off_db", vadOffDb);
        m.put("pre_roll_ms", preRollMs);
        m.put("tail_ms", tailMs);
        m.put("hangover_ms", hangoverMs);
        m.put("min_speech_ms", minSpeechMs);
        m.put("max_segment_ms", maxSegmentMs);
        m.put("conversation_gap_ms", conversationGapMs);
        m.put("stall_timeout_ms", stallTimeoutMs);
        m.put("reopen_initial_ms", reopenInitialMs);
        m.put("reopen_max_ms", reopenMaxMs);
        m.put("vad", vad);
        m.put("vad_threshold", vadThreshold);
        return m;
    }

    public Combine combineMode() {
        return Combine.valueOf(combine.toUpperCase(java.util.Locale.ROOT));
    }

    /** The same settings with another capture format (a WAV file dictates its own). */
    public AudioConfig withFormat(int rate, int channelCount) {
        boolean beam = combineMode() == Combine.BEAMFORM && micPositionsM.size() == channelCount;
        return new AudioConfig(
                device,
                rate,
                channelCount,
                bufferMs,
                ringMs,
                beam || combineMode() != Combine.BEAMFORM ? combine : "auto",
                channelIndex < channelCount ? channelIndex : 0,
                micPositionsM,
                highpassHz,
                agc,
                agcTargetDbfs,
                agcMaxGainDb,
                vadOnDb,
                vadOffDb,
                preRollMs,
                tailMs,
                hangoverMs,
                minSpeechMs,
                maxSegmentMs,
                conversationGapMs,
                stallTimeoutMs,
                reopenInitialMs,
                reopenMaxMs,
                vad,
                vadThreshold);
    }

    /** The same settings with another capture device selector (--source mic:NAME). */
    public AudioConfig withDevice(String selector) {
        return new AudioConfig(
                selector,
                sampleRate,
                channels,
                bufferMs,
                ringMs,
                combine,
                channelIndex,
                micPositionsM,
                highpassHz,
                agc,
                agcTargetDbfs,
                agcMaxGainDb,
                vadOnDb,
                vadOffDb,
                preRollMs,
                tailMs,
                hangoverMs,
                minSpeechMs,
                maxSegmentMs,
                conversationGapMs,
                stallTimeoutMs,
                reopenInitialMs,
                reopenMaxMs,
                vad,
                vadThreshold);
    }

    private static Integer or(Integer v, int d) {
        return v == null ? d : v;
    }
}

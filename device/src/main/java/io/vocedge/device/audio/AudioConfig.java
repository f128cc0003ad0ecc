package io.vocedge.device.audio;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
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
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
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
        Integer reopenMaxMs) {

    public enum Combine { AUTO, BEST, BEAMFORM, AVERAGE, CHANNEL }

    public AudioConfig {
        sampleRate = or(sampleRate, 16_000);
        channels = or(channels, 1);
        bufferMs = or(bufferMs, 500);
        ringMs = or(ringMs, 3000);
        combine = combine == null ? "auto" : combine.toLowerCase(java.util.Locale.ROOT);
        channelIndex = or(channelIndex, 0);
        micPositionsM = micPositionsM == null ? List.of() : micPositionsM.stream().map(List::copyOf).toList();
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
                e.add("audio.combine is beamform but audio.mic_positions_m has " + micPositionsM.size() + " entries for "
                        + channels + " channels: give one [x, y] (metres) per channel, in channel order");
            }
            for (List<Double> p : micPositionsM) {
                if (p.size() < 2 || p.size() > 3 || p.stream().anyMatch(v -> v == null || Math.abs(v) > 1)) {
                    e.add("audio.mic_positions_m entry " + p + " must be [x, y] or [x, y, z] in metres, each within 1 m");
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
        if (stallTimeoutMs < 200 || reopenInitialMs < 10 || reopenMaxMs < reopenInitialMs) {
            e.add("audio.stall_timeout_ms must be >= 200, audio.reopen_initial_ms >= 10 and <= audio.reopen_max_ms");
        }
        if (!e.isEmpty()) {
            throw new IllegalArgumentException("invalid audio configuration:\n  - " + String.join("\n  - ", e));
        }
    }

    public static AudioConfig defaults() {
        return new AudioConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** Reads the {@code audio:} section (missing or empty: defaults). Unknown keys are errors that name the key. */
    public static AudioConfig from(JsonNode section) {
        if (section == null || section.isNull() || section.isMissingNode() || section.isEmpty()) {
            return defaults();
        }
        ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return m.treeToValue(section, AudioConfig.class);
        } catch (UnrecognizedPropertyException ex) {
            throw new IllegalArgumentException("unknown key audio." + ex.getPropertyName() + "; known keys: "
                    + ex.getKnownPropertyIds(), ex);
        } catch (ValueInstantiationException ex) {
            throw new IllegalArgumentException(ex.getCause() == null ? ex.getOriginalMessage() : ex.getCause().getMessage(), ex);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("audio section: " + ex.getOriginalMessage(), ex);
        }
    }

    public Combine combineMode() {
        return Combine.valueOf(combine.toUpperCase(java.util.Locale.ROOT));
    }

    /** The same settings with another capture format (a WAV file dictates its own). */
    public AudioConfig withFormat(int rate, int channelCount) {
        boolean beam = combineMode() == Combine.BEAMFORM && micPositionsM.size() == channelCount;
        return new AudioConfig(device, rate, channelCount, bufferMs, ringMs, beam || combineMode() != Combine.BEAMFORM ? combine : "auto",
                channelIndex < channelCount ? channelIndex : 0, micPositionsM, highpassHz, agc, agcTargetDbfs, agcMaxGainDb,
                vadOnDb, vadOffDb, preRollMs, tailMs, hangoverMs, minSpeechMs, maxSegmentMs, conversationGapMs, stallTimeoutMs,
                reopenInitialMs, reopenMaxMs);
    }

    /** The same settings with another capture device selector (--source mic:NAME). */
    public AudioConfig withDevice(String selector) {
        return new AudioConfig(selector, sampleRate, channels, bufferMs, ringMs, combine, channelIndex, micPositionsM, highpassHz, agc,
                agcTargetDbfs, agcMaxGainDb, vadOnDb, vadOffDb, preRollMs, tailMs, hangoverMs, minSpeechMs, maxSegmentMs,
                conversationGapMs, stallTimeoutMs, reopenInitialMs, reopenMaxMs);
    }

    private static Integer or(Integer v, int d) {
        return v == null ? d : v;
    }
}

package io.vocedge.device.selftest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Capture device present with the expected channels, and a live, unclipped signal on each channel. */
public final class AudioCheck implements Check {
    private final AudioSpec spec;
    private final PcmCapture capture;
    private final Duration length;

    public AudioCheck(AudioSpec spec, PcmCapture capture, Duration length) {
        this.spec = spec;
        this.capture = capture;
        this.length = length;
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> out = new ArrayList<>();
        PcmCapture.Recording rec;
        try {
            rec = capture.record(spec, length);
        } catch (PcmCapture.CaptureException e) {
            out.add(CheckResult.fail("audio_device", e.getMessage()));
            out.add(CheckResult.skip("audio_channels", "no recording to analyse (see audio_device)"));
            return out;
        }
        if (rec.channels().length != spec.channels()) {
            out.add(CheckResult.fail(
                    "audio_device",
                    rec.deviceName() + " delivered " + rec.channels().length + " channel(s), " + spec.channels()
                            + " expected: check audio.channels and the HAT's driver"));
            return out;
        }
        out.add(CheckResult.pass(
                "audio_device",
                rec.deviceName() + ": " + spec.channels() + " channel(s) at " + spec.sampleRate() + " Hz"));
        for (ChannelAnalysis.ChannelStats s : ChannelAnalysis.analyze(rec.channels())) {
            String name = "audio_channel_" + s.channel();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("rms_dbfs", s.rmsDbfs());
            d.put("peak", s.peak());
            d.put("clipped_fraction", Math.round(s.clippedFraction() * 10_000) / 10_000.0);
            d.put("dead", s.dead());
            CheckResult r;
            if (s.dead()) {
                r = CheckResult.fail(
                        name,
                        "dead: every sample is " + s.constantValue() + "; check this microphone's connection,"
                                + " the HAT's driver overlay (dtoverlay in /boot/firmware/config.txt) and its capture level in alsamixer");
            } else if (s.clipping()) {
                r = CheckResult.fail(
                        name,
                        String.format(
                                Locale.ROOT,
                                "clipping: %.1f%% of samples at full scale; lower the capture gain in"
                                        + " alsamixer, or move the device away from loudspeakers",
                                s.clippedFraction() * 100));
            } else {
                r = CheckResult.pass(
                        name,
                        String.format(
                                Locale.ROOT,
                                "live, level %.1f dBFS, peak %d%s",
                                s.rmsDbfs(),
                                s.peak(),
                                s.rmsDbfs() < -80 ? " (very quiet: speak near the device to confirm)" : ""));
            }
            out.add(r.withDetail(d));
        }
        return out;
    }
}

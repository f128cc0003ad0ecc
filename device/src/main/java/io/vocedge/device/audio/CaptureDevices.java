package io.vocedge.device.audio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * The capture devices Java Sound sees (ALSA cards and, on Raspberry Pi OS with PipeWire, its ALSA plugin
 * devices such as Bluetooth headsets) and the choice of one by name substring or index.
 */
public final class CaptureDevices {
    /** One capture-capable mixer. {@code formats} are human-readable, e.g. {@code 16000Hz/4ch/16bit-signed}. */
    public record Device(
            int index, String name, String description, String vendor, List<String> formats, Mixer.Info info) {}

    private CaptureDevices() {}

    public static List<Device> list() {
        List<Device> out = new ArrayList<>();
        int index = 0;
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            Set<String> formats = new LinkedHashSet<>();
            boolean capture = false;
            for (Line.Info li : mixer.getTargetLineInfo()) {
                if (li instanceof DataLine.Info dli && TargetDataLine.class.isAssignableFrom(dli.getLineClass())) {
                    capture = true;
                    for (AudioFormat f : dli.getFormats()) {
                        formats.add(describe(f));
                    }
                }
            }
            if (capture) {
                out.add(new Device(
                        index++, info.getName(), info.getDescription(), info.getVendor(), List.copyOf(formats), info));
            }
        }
        return out;
    }

    /**
     * Picks a device: {@code selector} is a case-insensitive name substring, or {@code #N} / {@code N} for the
     * N-th capture device of {@link #list()}; blank means the first one.
     */
    public static Device select(String selector, List<Device> devices) {
        if (devices.isEmpty()) {
            throw new IllegalStateException("no capture device found: check that the microphone is plugged in and that "
                    + "'arecord -l' lists it; the agent's user must be in the 'audio' group");
        }
        if (selector == null || selector.isBlank()) {
            return devices.get(0);
        }
        String s = selector.trim();
        String digits = s.startsWith("#") ? s.substring(1) : s;
        if (digits.matches("\\d{1,3}")) {
            int i = Integer.parseInt(digits);
            if (i >= devices.size()) {
                throw new IllegalStateException("audio.device " + s + ": there are only " + devices.size()
                        + " capture devices (0.." + (devices.size() - 1) + "); run 'voc-device audio list'");
            }
            return devices.get(i);
        }
        String needle = s.toLowerCase(Locale.ROOT);
        for (Device d : devices) {
            if ((d.name() + " " + d.description()).toLowerCase(Locale.ROOT).contains(needle)) {
                return d;
            }
        }
        List<String> names = devices.stream().map(Device::name).toList();
        throw new IllegalStateException("no capture device matches audio.device '" + s + "'; present: " + names
                + " (run 'voc-device audio list')");
    }

    static String describe(AudioFormat f) {
        String rate = f.getSampleRate() == AudioSystem.NOT_SPECIFIED ? "any" : Math.round(f.getSampleRate()) + "Hz";
        String ch = f.getChannels() == AudioSystem.NOT_SPECIFIED ? "any" : String.valueOf(f.getChannels());
        return rate + "/" + ch + "ch/" + f.getSampleSizeInBits() + "bit-"
                + f.getEncoding().toString().toLowerCase(Locale.ROOT).replace("pcm_", "")
                + (f.getSampleSizeInBits() > 8 ? (f.isBigEndian() ? "-be" : "-le") : "");
    }
}

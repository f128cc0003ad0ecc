package io.vocedge.device.selftest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** Records from a Java Sound mixer (ALSA on the Pi) whose name or description contains {@code audio.device}. */
public final class JavaSoundCapture implements PcmCapture {
    @Override
    public Recording record(AudioSpec spec, Duration length) throws CaptureException {
        AudioFormat format = new AudioFormat(spec.sampleRate(), 16, spec.channels(), true, false);
        DataLine.Info lineInfo = new DataLine.Info(TargetDataLine.class, format);
        List<Mixer.Info> capture = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer m = AudioSystem.getMixer(info);
            if (m.getTargetLineInfo().length > 0) {
                capture.add(info);
            }
        }
        Mixer.Info chosen = choose(spec, capture);
        Mixer mixer = AudioSystem.getMixer(chosen);
        if (!mixer.isLineSupported(lineInfo)) {
            throw new CaptureException(chosen.getName() + " cannot capture " + spec.channels() + " channel(s) of 16-bit PCM at "
                    + spec.sampleRate() + " Hz: check audio.channels and audio.sample_rate against 'arecord --dump-hw-params -D <device>'"
                    + " (a ReSpeaker 4-mic HAT gives 4 channels, the 2-mic 2)");
        }
        int frameBytes = 2 * spec.channels();
        byte[] buf = new byte[(int) (spec.sampleRate() * length.toMillis() / 1000) * frameBytes];
        try (TargetDataLine line = (TargetDataLine) mixer.getLine(lineInfo)) {
            line.open(format);
            line.start();
            int read = 0;
            long deadline = System.nanoTime() + length.multipliedBy(3).toNanos() + 2_000_000_000L;
            while (read < buf.length && System.nanoTime() < deadline) {
                int n = line.read(buf, read, Math.min(buf.length - read, 4096 - 4096 % frameBytes));
                if (n <= 0) {
                    Thread.onSpinWait();
                }
                read += Math.max(0, n);
            }
            line.stop();
            if (read < buf.length) {
                throw new CaptureException(chosen.getName() + " delivered " + read + " of " + buf.length + " bytes in time: "
                        + "another program may hold the device (stop the agent: systemctl stop voc-device), or the clock of the HAT is not running");
            }
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new CaptureException("cannot open " + chosen.getName() + ": " + e.getMessage() + " (is the agent or another"
                    + " program recording? is this user in the audio group?)");
        }
        short[][] ch = new short[spec.channels()][buf.length / frameBytes];
        for (int f = 0, i = 0; f < ch[0].length; f++) {
            for (int c = 0; c < spec.channels(); c++, i += 2) {
                ch[c][f] = (short) ((buf[i] & 0xFF) | (buf[i + 1] << 8));
            }
        }
        return new Recording(chosen.getName(), ch);
    }

    static Mixer.Info choose(AudioSpec spec, List<Mixer.Info> capture) throws CaptureException {
        List<String> names = capture.stream().map(i -> i.getName() + " (" + i.getDescription() + ")").toList();
        if (capture.isEmpty()) {
            throw new CaptureException("no capture device at all: check that the microphone or HAT is connected, its driver"
                    + " loaded ('arecord -l' lists it) and that this user is in the audio group");
        }
        if (spec.device() == null) {
            return capture.get(0);
        }
        if (spec.device().matches("\\d+")) {
            int idx = Integer.parseInt(spec.device());
            if (idx < capture.size()) {
                return capture.get(idx);
            }
            throw new CaptureException("audio.device " + idx + " is out of range: capture devices here are " + names);
        }
        String want = spec.device().toLowerCase(Locale.ROOT);
        for (Mixer.Info i : capture) {
            if (i.getName().toLowerCase(Locale.ROOT).contains(want) || i.getDescription().toLowerCase(Locale.ROOT).contains(want)) {
                return i;
            }
        }
        throw new CaptureException("no capture device matching audio.device '" + spec.device() + "': capture devices here are "
                + names + "; check the connection and 'arecord -l', or set audio.device to part of one of these names");
    }
}

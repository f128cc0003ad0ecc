package io.vocedge.device.selftest;

import io.vocedge.device.audio.CaptureDevices;
import io.vocedge.device.audio.JavaSoundSource;
import java.io.IOException;
import java.time.Duration;

/**
 * Records from the capture device the agent would use: the same selection ({@code audio.device} as a name
 * substring or index, {@link CaptureDevices#select}) and the same way of opening it ({@link JavaSoundSource}), so
 * a passing self-test means the agent's capture will open.
 */
public final class JavaSoundCapture implements PcmCapture {
    @Override
    public Recording record(AudioSpec spec, Duration length) throws CaptureException {
        CaptureDevices.Device device;
        try {
            device = CaptureDevices.select(spec.device(), CaptureDevices.list());
        } catch (IllegalStateException e) {
            throw new CaptureException(e.getMessage());
        }
        int frames = (int) (spec.sampleRate() * length.toMillis() / 1000);
        short[][] ch = new short[spec.channels()][frames];
        try (JavaSoundSource source = JavaSoundSource.open(device, spec.sampleRate(), spec.channels(), 500)) {
            int block = Math.max(1, spec.sampleRate() / 100);
            float[] buf = new float[block * spec.channels()];
            int got = 0;
            long deadline = System.nanoTime() + length.multipliedBy(3).toNanos() + 2_000_000_000L;
            while (got < frames && System.nanoTime() < deadline) {
                int n = source.read(buf, Math.min(block, frames - got));
                for (int f = 0; f < n; f++) {
                    for (int c = 0; c < spec.channels(); c++) {
                        ch[c][got + f] = (short) Math.max(
                                -32768, Math.min(32767, Math.round(buf[f * spec.channels() + c] * 32768f)));
                    }
                }
                got += Math.max(0, n);
            }
            if (got < frames) {
                throw new CaptureException(
                        device.name() + " delivered " + got + " of " + frames + " frames in time: another "
                                + "program may hold the device (stop the agent: systemctl stop voc-device), or the HAT's clock is not running");
            }
        } catch (IOException e) {
            throw new CaptureException(e.getMessage());
        }
        return new Recording(device.name(), ch);
    }
}

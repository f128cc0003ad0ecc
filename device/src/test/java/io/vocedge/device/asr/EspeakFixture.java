package io.vocedge.device.asr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Speech for tests: espeak-ng synthesises, sox converts to 16 kHz mono 16-bit (both installed on the build machine). */
public final class EspeakFixture {
    private EspeakFixture() {}

    /** @param lang {@code en} or {@code zh} (espeak-ng voice {@code cmn}) */
    public static Path speak(Path dir, String lang, String text, String name) throws IOException, InterruptedException {
        Path raw = dir.resolve(name + "-22k.wav");
        Path out = dir.resolve(name + ".wav");
        run(List.of(
                "espeak-ng", "-v", lang.startsWith("zh") ? "cmn" : "en-us", "-s", "150", "-w", raw.toString(), text));
        run(List.of("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", out.toString()));
        return out;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(cmd.getFirst() + " failed: " + out);
        }
    }
}

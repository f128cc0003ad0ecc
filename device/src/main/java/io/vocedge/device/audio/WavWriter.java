package io.vocedge.device.audio;

import io.vocedge.device.pipeline.SpeechSegment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes 16 kHz mono 16-bit WAV files (segments for technicians), through a temp file and a rename. */
public final class WavWriter {
    private WavWriter() {}

    public static void write16kMono(Path file, short[] samples) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(samples);
        PcmFormat f = PcmFormat.signed16(SpeechSegment.SAMPLE_RATE, 1);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (AudioInputStream in =
                new AudioInputStream(new ByteArrayInputStream(b.array()), f.toJavaSound(), samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, tmp.toFile());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package io.vocedge.device.audio;

import java.io.IOException;
import java.nio.file.Path;

/** The two kinds of capture source: a Java Sound device chosen from the config, or a WAV file. */
public final class SourceOpeners {
    private SourceOpeners() {}

    /** The configured microphone; looked up again at every (re)open, since a replugged USB device may move. */
    public static SourceOpener microphone(AudioConfig cfg) {
        return new SourceOpener() {
            @Override
            public FrameSource open() throws IOException {
                CaptureDevices.Device d;
                try {
                    d = CaptureDevices.select(cfg.device(), CaptureDevices.list());
                } catch (IllegalStateException e) {
                    throw new IOException(e.getMessage(), e);
                }
                return JavaSoundSource.open(d, cfg.sampleRate(), cfg.channels(), cfg.bufferMs());
            }

            @Override
            public boolean live() {
                return true;
            }

            @Override
            public String describe() {
                return "mic:" + (cfg.device() == null ? "(first capture device)" : cfg.device());
            }
        };
    }

    public static SourceOpener wav(Path file, boolean realTime) {
        return new SourceOpener() {
            private boolean opened;

            @Override
            public FrameSource open() throws IOException {
                if (opened) {
                    throw new IOException("a WAV source is played once");
                }
                opened = true;
                return WavFileSource.open(file, realTime);
            }

            @Override
            public boolean live() {
                return false;
            }

            @Override
            public String describe() {
                return "wav:" + file + (realTime ? " (real time)" : "");
            }
        };
    }
}

package io.vocedge.device.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.device.audio.AudioConfig;
import io.vocedge.device.audio.CaptureDevices;
import io.vocedge.device.audio.FrontEnd;
import io.vocedge.device.audio.WavFileSource;
import io.vocedge.device.audio.WavWriter;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.pipeline.SegmentListener;
import io.vocedge.device.pipeline.SpeechSegment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audio list | segment}: technicians' view of capture devices and of what the front-end cuts. */
@Command(
        name = "audio",
        mixinStandardHelpOptions = true,
        description = "Capture devices and the audio front-end.",
        subcommands = {AudioCommand.ListDevices.class, AudioCommand.Segment.class, BenchFrontEndCommand.class})
public final class AudioCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list, segment or bench");
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List capture devices and their formats (pick one for audio.device by name or #index).")
    static final class ListDevices implements Callable<Integer> {
        @Option(names = "--json", description = "one JSON object per device")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<CaptureDevices.Device> devices = CaptureDevices.list();
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper m = io.vocedge.common.json.Mappers.json();
            for (CaptureDevices.Device d : devices) {
                if (json) {
                    ObjectNode n = m.createObjectNode()
                            .put("index", d.index())
                            .put("name", d.name())
                            .put("description", d.description())
                            .put("vendor", d.vendor());
                    d.formats().forEach(n.putArray("formats")::add);
                    out.println(m.writeValueAsString(n));
                } else {
                    out.printf(
                            Locale.ROOT,
                            "#%d  %s  (%s)%n      formats: %s%n",
                            d.index(),
                            d.name(),
                            d.description(),
                            d.formats().isEmpty() ? "(none reported)" : String.join(", ", d.formats()));
                }
            }
            if (devices.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("no capture devices found: plug in the microphone, check 'arecord -l', "
                                + "and that this user is in the 'audio' group");
                return 1;
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "segment",
            mixinStandardHelpOptions = true,
            description = {
                "Run the front-end over a WAV file and print one JSON line per speech segment:",
                "{\"segment\":N,\"start_ms\":..,\"end_ms\":..,\"duration_ms\":..,\"level_dbfs\":..,\"conversation\":N[,\"file\":..]}",
                "Times are milliseconds from the start of the file."
            })
    static final class Segment implements Callable<Integer> {
        @Option(names = "--in", required = true, description = "WAV file: any rate, 1-8 channels, 16/24/32-bit PCM")
        Path in;

        @Option(names = "--config", description = "device YAML; its audio: section tunes the front-end")
        Path config;

        @Option(names = "--out-dir", description = "write each segment as a 16 kHz mono 16-bit WAV here")
        Path outDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AudioConfig cfg = config == null
                    ? AudioConfig.defaults()
                    : DeviceConfig.load(config, DeviceConfig.Overrides.TOOL).audio();
            if (outDir != null) {
                Files.createDirectories(outDir);
            }
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper m = io.vocedge.common.json.Mappers.json();
            int[] conversation = {1};
            int[] count = {0};
            SegmentListener printer = new SegmentListener() {
                @Override
                public void onSegment(SpeechSegment s) {
                    count[0]++;
                    ObjectNode n = m.createObjectNode()
                            .put("segment", count[0])
                            .put("start_ms", s.startMs())
                            .put("end_ms", s.endMs())
                            .put("duration_ms", s.durationMs())
                            .put(
                                    "level_dbfs",
                                    Double.isFinite(s.levelDbfs()) ? Math.round(s.levelDbfs() * 10) / 10.0 : -120.0)
                            .put("conversation", conversation[0]);
                    if (outDir != null) {
                        Path f = outDir.resolve(String.format(Locale.ROOT, "segment-%04d.wav", count[0]));
                        try {
                            WavWriter.write16kMono(f, s.samples());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        n.put("file", f.toString());
                    }
                    try {
                        out.println(m.writeValueAsString(n));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                    out.flush();
                }

                @Override
                public void onConversationBoundary(long atMs) {
                    conversation[0]++;
                }
            };
            try (WavFileSource src = WavFileSource.open(in, false)) {
                try (FrontEnd fe = new FrontEnd(
                        cfg.withFormat(src.format().sampleRate(), src.format().channels()), src.format(), printer)) {
                    float[] buf = new float
                            [src.format().sampleRate() / 100 * src.format().channels() * 10];
                    int n;
                    while ((n = src.read(buf, buf.length / src.format().channels())) > 0) {
                        fe.process(buf, n);
                    }
                    fe.flush();
                }
            }
            return 0;
        }
    }
}

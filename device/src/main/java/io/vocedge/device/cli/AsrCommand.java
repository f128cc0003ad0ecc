package io.vocedge.device.cli;

import io.vocedge.device.asr.AsrConfig;
import io.vocedge.device.asr.EngineLoader;
import io.vocedge.device.asr.Recognition;
import io.vocedge.device.asr.RecognizerFactory;
import io.vocedge.device.asr.SegmentRecognizer;
import io.vocedge.device.asr.StaffEnroller;
import io.vocedge.device.asr.VoskEngineLoader;
import io.vocedge.device.asr.WavReader;
import io.vocedge.device.conversation.StaffEnrolment;
import io.vocedge.device.pipeline.SpeechSegment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code voc-device asr check|transcribe|enrol}: technician tools for the speech model. */
@Command(
        name = "asr",
        mixinStandardHelpOptions = true,
        description = "Speech model tools: check the model, transcribe a WAV, enrol the staff voice.",
        subcommands = {AsrCommand.Check.class, AsrCommand.Transcribe.class, AsrCommand.Enrol.class})
public final class AsrCommand {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            required = true,
            description = "device YAML with an asr: section (read as strictly as 'run' "
                    + "reads it; the broker may be left out)")
    Path config;

    /** The command line's output (picocli's, so callers and tests can redirect it). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    AsrConfig load() throws Exception {
        return io.vocedge.device.config.DeviceConfig.load(config, io.vocedge.device.config.DeviceConfig.Overrides.TOOL)
                .requireAsr("asr " + config);
    }

    @Command(name = "check", description = "Validate the model directories and load libvosk and the model.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        AsrCommand parent;

        @Override
        public Integer call() throws Exception {
            AsrConfig c = parent.load();
            try (RecognizerFactory f = new VoskEngineLoader(c).load()) {
                parent.out()
                        .println("ok model=" + c.model() + " grammar=" + f.supportsGrammar() + " speakerModel="
                                + f.hasSpeakerModel());
                return 0;
            } catch (EngineLoader.EngineUnavailableException e) {
                parent.out().println("not usable: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(
            name = "transcribe",
            description = "Transcribe a 16 kHz mono WAV and print the text, confidence and real-time factor.")
    static final class Transcribe implements Callable<Integer> {
        @ParentCommand
        AsrCommand parent;

        @Option(names = "--wav", required = true)
        Path wav;

        @Override
        public Integer call() throws Exception {
            AsrConfig c = parent.load();
            short[] pcm = WavReader.read16kMono(wav);
            try (RecognizerFactory f = new VoskEngineLoader(c).load()) {
                long t0 = System.nanoTime();
                Recognition r = new SegmentRecognizer(f)
                        .recognize(
                                new SpeechSegment(
                                        wav.getFileName().toString(),
                                        0,
                                        pcm.length / 16L,
                                        pcm,
                                        WavReader.levelDbfs(pcm)),
                                p -> {});
                double rtf = (System.nanoTime() - t0) / 1e6 / Math.max(1, pcm.length / 16L);
                parent.out()
                        .printf(
                                java.util.Locale.ROOT,
                                "%s%nconfidence=%.3f words=%d rtf=%.3f%n",
                                r.text(),
                                r.confidence(),
                                r.words().size(),
                                rtf);
                return 0;
            }
        }
    }

    @Command(
            name = "enrol",
            description = "Enrol the staff voice from a 16 kHz mono WAV (20-30 s of speech); writes asr.enrolment.")
    static final class Enrol implements Callable<Integer> {
        @ParentCommand
        AsrCommand parent;

        @Option(names = "--wav", required = true, arity = "1..*")
        List<Path> wavs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            AsrConfig c = parent.load();
            if (c.speakerModel() == null || c.enrolment() == null) {
                throw new IllegalArgumentException(
                        "set asr.speaker_model and asr.enrolment in " + parent.config + " first");
            }
            try (RecognizerFactory f = new VoskEngineLoader(c).load()) {
                List<float[]> vectors = new ArrayList<>();
                for (Path w : wavs) {
                    vectors.add(new StaffEnroller(f)
                            .enrol(
                                    WavReader.read16kMono(w),
                                    c.speakerModel().getFileName().toString())
                            .vector());
                }
                StaffEnrolment e = new StaffEnrolment(
                        c.speakerModel().getFileName().toString(),
                        vectors.size(),
                        io.vocedge.device.conversation.SpeakerVectors.mean(vectors));
                e.save(c.enrolment());
                parent.out()
                        .println("enrolled staff voice from " + vectors.size() + " recording(s) into " + c.enrolment());
                return 0;
            }
        }
    }
}

package io.vocedge.device.asr;

import io.vocedge.device.conversation.StaffEnrolment;
import io.vocedge.device.conversation.XVectorRoleClassifier;
import io.vocedge.device.pipeline.SpeechSegment;

/**
 * Enrols the staff voice from a short recording (20-30 s of the wearer reading, made during provisioning):
 * the recognizer's speaker vector for the recording becomes the reference for {@link XVectorRoleClassifier}.
 */
public final class StaffEnroller {
    private final RecognizerFactory engine;

    public StaffEnroller(RecognizerFactory engine) {
        this.engine = engine;
    }

    public StaffEnrolment enrol(short[] pcm16k, String speakerModelName) {
        if (!engine.hasSpeakerModel()) {
            throw new IllegalStateException(
                    "enrolment needs a speaker model: set asr.speaker_model (vosk-model-spk-0.4)");
        }
        SpeechSegment all =
                new SpeechSegment("enrolment", 0, pcm16k.length * 1000L / SpeechSegment.SAMPLE_RATE, pcm16k, 0);
        Recognition r = new SegmentRecognizer(engine).recognize(all, p -> {});
        if (r.speakerVector() == null) {
            throw new IllegalStateException(
                    "no speech found in the enrolment recording: record 20-30 s of the staff member speaking");
        }
        return new StaffEnrolment(speakerModelName, 1, r.speakerVector());
    }
}

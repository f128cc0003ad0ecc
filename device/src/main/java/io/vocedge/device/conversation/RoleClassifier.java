package io.vocedge.device.conversation;

import io.vocedge.protocol.SpeakerRole;

/** Decides who spoke an utterance. Implementations are used from the recognizer thread only. */
public interface RoleClassifier {
    /**
     * @param levelDbfs the segment's RMS level before automatic gain
     * @param speakerVector Vosk's x-vector for the utterance, or null without a speaker model
     */
    SpeakerRole classify(double levelDbfs, float[] speakerVector);
}

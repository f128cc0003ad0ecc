package io.vocedge.device.conversation;

import io.vocedge.protocol.SpeakerRole;

/**
 * Speaker model present: cosine similarity of the utterance's x-vector to the enrolled staff voice.
 * {@code >= staffThreshold} is staff, {@code <= customerThreshold} is customer, in between (or no vector,
 * e.g. too short an utterance) is unknown. Defaults 0.55 / 0.30 follow the usual range for Vosk's
 * vosk-model-spk-0.4 (same speaker ~0.6-0.9, different speakers mostly below 0.3); tune per site.
 */
public final class XVectorRoleClassifier implements RoleClassifier {
    public static final double DEFAULT_STAFF_THRESHOLD = 0.55;
    public static final double DEFAULT_CUSTOMER_THRESHOLD = 0.30;

    private final float[] staff;
    private final double staffThreshold;
    private final double customerThreshold;

    public XVectorRoleClassifier(float[] staffVector, double staffThreshold, double customerThreshold) {
        if (customerThreshold > staffThreshold) {
            throw new IllegalArgumentException(
                    "customer threshold " + customerThreshold + " above staff threshold " + staffThreshold);
        }
        this.staff = staffVector.clone();
        this.staffThreshold = staffThreshold;
        this.customerThreshold = customerThreshold;
    }

    @Override
    public SpeakerRole classify(double levelDbfs, float[] speakerVector) {
        if (speakerVector == null || speakerVector.length != staff.length) {
            return SpeakerRole.UNKNOWN;
        }
        double sim = SpeakerVectors.cosine(staff, speakerVector);
        if (sim >= staffThreshold) {
            return SpeakerRole.STAFF;
        }
        return sim <= customerThreshold ? SpeakerRole.CUSTOMER : SpeakerRole.UNKNOWN;
    }
}

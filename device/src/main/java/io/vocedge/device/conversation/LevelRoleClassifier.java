package io.vocedge.device.conversation;

import io.vocedge.protocol.SpeakerRole;

/**
 * No speaker model, worn device (lapel mic or headset): the wearer's mouth is a few centimetres from the
 * microphone, the customer's about a metre, so the wearer is typically 15-25 dB louder.
 *
 * <p>Keeps a running estimate of the wearer's level: it jumps up to any louder segment and otherwise decays
 * slowly ({@code decayDbPerSegment}) towards recent loud segments, so a change of wearer or gain recovers.
 * A segment within {@code staffMarginDb} of the estimate is staff, more than {@code customerMarginDb} below
 * is customer, in between is unknown. Until {@code warmupSegments} segments were seen the answer is unknown.
 * Defaults: 6 dB, 12 dB, 0.5 dB per segment, 5 segments. Not meant for table-top array microphones, where
 * both speakers are at similar distances: configure a speaker model there.
 */
public final class LevelRoleClassifier implements RoleClassifier {
    private final double staffMarginDb;
    private final double customerMarginDb;
    private final double decayDbPerSegment;
    private final int warmupSegments;
    private double wearerDbfs = Double.NEGATIVE_INFINITY;
    private int seen;

    public LevelRoleClassifier() {
        this(6, 12, 0.5, 5);
    }

    public LevelRoleClassifier(
            double staffMarginDb, double customerMarginDb, double decayDbPerSegment, int warmupSegments) {
        if (customerMarginDb < staffMarginDb) {
            throw new IllegalArgumentException("customer margin must be at least the staff margin");
        }
        this.staffMarginDb = staffMarginDb;
        this.customerMarginDb = customerMarginDb;
        this.decayDbPerSegment = decayDbPerSegment;
        this.warmupSegments = warmupSegments;
    }

    @Override
    public SpeakerRole classify(double levelDbfs, float[] speakerVector) {
        if (!Double.isFinite(levelDbfs)) {
            return SpeakerRole.UNKNOWN;
        }
        wearerDbfs = Math.max(levelDbfs, wearerDbfs - decayDbPerSegment);
        seen++;
        if (seen < warmupSegments) {
            return SpeakerRole.UNKNOWN;
        }
        double below = wearerDbfs - levelDbfs;
        if (below <= staffMarginDb) {
            return SpeakerRole.STAFF;
        }
        return below >= customerMarginDb ? SpeakerRole.CUSTOMER : SpeakerRole.UNKNOWN;
    }

    double wearerEstimateDbfs() {
        return wearerDbfs;
    }
}

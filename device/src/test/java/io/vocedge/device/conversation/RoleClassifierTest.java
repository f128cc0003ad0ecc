package io.vocedge.device.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vocedge.protocol.SpeakerRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleClassifierTest {
    /** A voice = a fixed random direction in 128-d; an utterance = that direction plus per-utterance noise. */
    private static float[] voice(Random rnd) {
        float[] v = new float[128];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private static float[] utterance(float[] voice, double noise, Random rnd) {
        float[] u = new float[voice.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) (voice[i] + noise * rnd.nextGaussian());
        }
        return u;
    }

    @Test
    void cosineOnKnownVectors() {
        assertThat(SpeakerVectors.cosine(new float[] {1, 0}, new float[] {0, 1}))
                .isCloseTo(0, within(1e-12));
        assertThat(SpeakerVectors.cosine(new float[] {1, 2, 3}, new float[] {2, 4, 6}))
                .isCloseTo(1, within(1e-9));
        assertThat(SpeakerVectors.cosine(new float[] {1, 1}, new float[] {-1, -1}))
                .isCloseTo(-1, within(1e-9));
        assertThat(SpeakerVectors.cosine(new float[] {0, 0}, new float[] {1, 1}))
                .isZero();
    }

    @Test
    void enrolledStaffVoiceIsRecognisedAndOtherVoicesAreCustomers() {
        Random rnd = new Random(42);
        float[] staffVoice = voice(rnd);
        List<float[]> enrolUtterances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            enrolUtterances.add(utterance(staffVoice, 0.6, rnd));
        }
        XVectorRoleClassifier c = new XVectorRoleClassifier(SpeakerVectors.mean(enrolUtterances), 0.55, 0.30);
        int staffHits = 0;
        int customerHits = 0;
        for (int i = 0; i < 50; i++) {
            if (c.classify(-20, utterance(staffVoice, 0.6, rnd)) == SpeakerRole.STAFF) {
                staffHits++;
            }
            if (c.classify(-20, utterance(voice(rnd), 0.6, rnd)) == SpeakerRole.CUSTOMER) {
                customerHits++;
            }
        }
        assertThat(staffHits).isEqualTo(50);
        assertThat(customerHits).isEqualTo(50);
        assertThat(c.classify(-20, null)).isEqualTo(SpeakerRole.UNKNOWN);
        assertThat(c.classify(-20, new float[5])).isEqualTo(SpeakerRole.UNKNOWN);
    }

    @Test
    void inBetweenSimilarityIsUnknown() {
        Random rnd = new Random(7);
        float[] staff = voice(rnd);
        float[] other = voice(rnd);
        // a mix with cosine ~0.45 to the staff voice: neither clearly staff nor clearly someone else
        float[] mix = new float[128];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (float) (0.45 * staff[i] + 1.0 * other[i]);
        }
        double sim = SpeakerVectors.cosine(staff, mix);
        assertThat(sim).isBetween(0.30, 0.55);
        assertThat(new XVectorRoleClassifier(staff, 0.55, 0.30).classify(-20, mix))
                .isEqualTo(SpeakerRole.UNKNOWN);
    }

    @Test
    void levelHeuristicForWornDevices() {
        LevelRoleClassifier c = new LevelRoleClassifier();
        // warm-up: unknown whatever the level
        for (int i = 0; i < 4; i++) {
            assertThat(c.classify(-12 - i % 2, null)).isEqualTo(SpeakerRole.UNKNOWN);
        }
        assertThat(c.classify(-13, null)).isEqualTo(SpeakerRole.STAFF); // wearer ~ -12 dBFS
        assertThat(c.classify(-32, null)).isEqualTo(SpeakerRole.CUSTOMER); // 20 dB below
        assertThat(c.classify(-21, null)).isEqualTo(SpeakerRole.UNKNOWN); // 9 dB below: unsure
        assertThat(c.classify(Double.NEGATIVE_INFINITY, null)).isEqualTo(SpeakerRole.UNKNOWN);
        // the estimate decays, so a quieter new wearer becomes staff after a while
        for (int i = 0; i < 40; i++) {
            c.classify(-22, null);
        }
        assertThat(c.classify(-22, null)).isEqualTo(SpeakerRole.STAFF);
        assertThat(c.wearerEstimateDbfs()).isCloseTo(-22, within(0.01));
    }

    @Test
    void enrolmentFileRoundTripsAndIsOwnerOnly(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("staff-voice.json");
        new StaffEnrolment("vosk-model-spk-0.4", 3, new float[] {0.5f, -1.25f}).save(f);
        StaffEnrolment back = StaffEnrolment.load(f);
        assertThat(back.vector()).containsExactly(0.5f, -1.25f);
        assertThat(back.utterances()).isEqualTo(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
    }

    @Test
    void levelHeuristicOnRealSpeechWearerAndCustomerAtAMetre(@TempDir Path tmp) throws Exception {
        short[] wearer = io.vocedge.device.asr.WavReader.read16kMono(
                io.vocedge.device.asr.EspeakFixture.speak(tmp, "en", "hello, how can I help you today", "w"));
        short[] customer = new short[wearer.length];
        for (int i = 0; i < wearer.length; i++) {
            customer[i] = (short) (wearer[i] / 10); // about a metre away instead of a few centimetres: -20 dB
        }
        double wearerDb = io.vocedge.device.asr.WavReader.levelDbfs(wearer);
        double customerDb = io.vocedge.device.asr.WavReader.levelDbfs(customer);
        assertThat(wearerDb - customerDb).isCloseTo(20, within(0.1));
        LevelRoleClassifier c = new LevelRoleClassifier();
        List<SpeakerRole> roles = new ArrayList<>();
        for (int turn = 0; turn < 8; turn++) {
            roles.add(c.classify(turn % 2 == 0 ? wearerDb : customerDb, null));
        }
        assertThat(roles.subList(0, 4)).containsOnly(SpeakerRole.UNKNOWN);
        assertThat(roles.subList(4, 8))
                .containsExactly(SpeakerRole.STAFF, SpeakerRole.CUSTOMER, SpeakerRole.STAFF, SpeakerRole.CUSTOMER);
    }
}

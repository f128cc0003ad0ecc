package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackgroundLevelTest {
    /** A background whose 10 ms levels spread uniformly over 10 dB (-50..-40 dB): its 80th percentile is -42 dB. */
    private static double room(SplittableRandom r) {
        return -50 + 10 * r.nextDouble();
    }

    @Test
    void settlesOnTheQuantileOfTheLevel() {
        BackgroundLevel bg = new BackgroundLevel(0.8, 0.005);
        SplittableRandom r = new SplittableRandom(1);
        bg.set(-45);
        for (int i = 0; i < 6000; i++) {
            bg.update(room(r), -45, false);
        }
        assertThat(bg.db()).isBetween(-42.7, -41.3);
    }

    @Test
    void aLoudTalkerRaisesItByAtMostFourTenthsOfADecibelPerSecond() {
        BackgroundLevel bg = new BackgroundLevel(0.8, 0.005);
        bg.set(-42);
        for (int i = 0; i < 200; i++) { // 2 s of a talker 20 dB over the room, not yet accepted as speech
            bg.update(-22, -30, false);
        }
        assertThat(bg.db()).isCloseTo(-42 + 0.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void learnsAQuieterRoomWithinSecondsOnceItsMeanHasDropped() {
        BackgroundLevel bg = new BackgroundLevel(0.8, 0.005);
        bg.set(-30);
        int frames = 0;
        while (bg.db() > -45.5 && frames < 100_000) { // the TV went off: the room is at -50, its mean too
            bg.update(-50, -50, false);
            frames++;
        }
        assertThat(frames)
                .as("10 ms frames to come within 4.5 dB of the new room")
                .isLessThan(1_000);
    }

    @Test
    void pausesInATalkingBackgroundDoNotDragItDown() {
        BackgroundLevel bg = new BackgroundLevel(0.8, 0.005);
        bg.set(-40);
        for (int i = 0; i < 3000; i++) { // a TV: 70 % of frames at -40, 30 % silent pauses at -70; mean about -41.5
            bg.update(i % 10 < 7 ? -40 : -70, -41.5, false);
        }
        assertThat(bg.db()).isBetween(-41.0, -39.0);
    }
}

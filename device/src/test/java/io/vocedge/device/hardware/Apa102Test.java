package io.vocedge.device.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Apa102Test {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void threeLedsOfTheTwoMicHat() {
        byte[] frame = Apa102.frame(new int[] {0xFF0000, 0x00FF00, 0x123456}, 8);
        assertThat(frame)
                .containsExactly(bytes(
                        0x00, 0x00, 0x00, 0x00, // start frame: 32 zero bits
                        0xE8, 0x00, 0x00, 0xFF, // 0b111 + brightness 8, then blue, green, red: red
                        0xE8, 0x00, 0xFF, 0x00, // green
                        0xE8, 0x56, 0x34, 0x12, // 0x123456: B=0x56, G=0x34, R=0x12
                        0x00, 0x00, 0x00, 0x00)); // end frame: zeros, at least n/2 clock edges
    }

    @Test
    void brightnessIsFiveBitsAfterTheThreeOnes() {
        assertThat(Apa102.uniform(1, 0, 31)[4]).isEqualTo((byte) 0xFF);
        assertThat(Apa102.uniform(1, 0, 0)[4]).isEqualTo((byte) 0xE0);
        assertThatThrownBy(() -> Apa102.uniform(1, 0, 32)).hasMessageContaining("0-31");
    }

    @Test
    void endFrameGrowsWithTheChain() {
        assertThat(Apa102.endFrameBytes(12)).isEqualTo(4);
        assertThat(Apa102.endFrameBytes(64)).isEqualTo(4);
        assertThat(Apa102.endFrameBytes(100)).isEqualTo(7);
        assertThat(Apa102.uniform(12, 0x00FF00, 8)).hasSize(4 + 48 + 4);
    }
}

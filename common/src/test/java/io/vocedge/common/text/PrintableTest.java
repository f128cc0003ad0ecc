package io.vocedge.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void terminal_escapes_and_bidi_overrides_are_neutralised() {
        String hostile = "1.0\u001b[2J\u001b]0;pwned\u0007\u202Egnp.exe\u009b";
        String safe = Printable.of(hostile, 100);
        assertThat(safe)
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\u202E")
                .doesNotContain("\u009b");
        assertThat(safe).isEqualTo("1.0?[2J?]0;pwned??gnp.exe?");
    }

    @Test
    void text_in_any_script_passes_and_length_is_capped() {
        assertThat(Printable.of("定金 不 给 退 - déjà vu", 100)).isEqualTo("定金 不 给 退 - déjà vu");
        assertThat(Printable.of("x".repeat(10), 4)).isEqualTo("xxxx...");
        assertThat(Printable.of(null, 4)).isNull();
    }
}

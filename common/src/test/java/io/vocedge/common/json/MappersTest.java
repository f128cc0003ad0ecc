package io.vocedge.common.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MappersTest {
    private static final String SECRET = "s3cr3t-token-value";

    @Test
    void parseErrorLocationsNeverCarryTheInput() {
        byte[] json = ("{\"a\": [1, 2,\n \"" + SECRET + "\" oops").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Mappers.json().readTree(json))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                                ((com.fasterxml.jackson.core.JacksonException) e)
                                        .getLocation()
                                        .sourceDescription())
                        .doesNotContain(SECRET));
        byte[] yaml = ("key: [unclosed, " + SECRET + "\n  - : :").getBytes(StandardCharsets.UTF_8);
        // Jackson's YAML module ignores the feature for byte[] input (it would quote the secret): hence readYamlTree.
        assertThatThrownBy(() -> Mappers.yaml().readTree(yaml))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                                ((com.fasterxml.jackson.core.JacksonException) e)
                                        .getLocation()
                                        .sourceDescription())
                        .contains(SECRET));
        assertThatThrownBy(() -> Mappers.readYamlTree(Mappers.yaml(), yaml))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                                ((com.fasterxml.jackson.core.JacksonException) e)
                                        .getLocation()
                                        .sourceDescription())
                        .doesNotContain(SECRET));
    }
}

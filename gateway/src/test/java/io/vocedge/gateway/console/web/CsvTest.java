package io.vocedge.gateway.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesSeparatorsAndDefusesFormulasButNotNumbers() {
        String csv = new Csv()
                .row("a,b", "say \"hi\"", "=1+2", "@SUM(A1)", "-x", -0.25, 3L, null)
                .toString();
        assertThat(csv).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",'=1+2,'@SUM(A1),'-x,-0.2500,3,\r\n");
    }
}

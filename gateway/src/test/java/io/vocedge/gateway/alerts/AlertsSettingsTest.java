package io.vocedge.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.config.ConfigException;
import io.vocedge.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsSettingsTest {
    @TempDir
    Path dir;

    private AlertsSettings read(String yaml) throws ConfigException {
        return GatewayConfig.read(ConfigDocument.parse(yaml, "test.yaml"), dir).alerts();
    }

    @Test
    void noAlertsSectionMeansAlertsOff() throws Exception {
        AlertsSettings a = read("gateway_id: g\n");
        assertThat(a.enabled()).isFalse();
        assertThat(a.rules()).isEmpty();
    }

    @Test
    void channelsWithoutRulesTurnOnTheBuiltInAttentionRuleForEveryChannel() throws Exception {
        AlertsSettings a = read("""
                alerts:
                  channels:
                    - {id: ops, kind: webhook, url: "https://hooks.example/voc", secret: "0123456789abcdef0123456789"}
                    - {id: wecom, kind: wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"}
                """);
        assertThat(a.builtInAttention()).isTrue();
        assertThat(a.rules()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("attention");
            assertThat(r.kind()).isEqualTo(AlertsSettings.RuleKind.ATTENTION);
            assertThat(r.channels()).isEmpty(); // empty + no roster = every channel
            assertThat(r.severity()).isEqualTo(AlertsSettings.Severity.CRITICAL);
        });
        assertThat(new AlertWriter(a).targets(a.rules().get(0), null, 0)).containsOnlyKeys("ops", "wecom");
    }

    @Test
    void aFullSectionIsRead() throws Exception {
        AlertsSettings a = read("""
                alerts:
                  console_url: https://gw.store.lan:8086
                  group_window: 3m
                  group_max_delay: 10s
                  sites:
                    sh-01: {time_zone: Asia/Shanghai, language: zh, store_hours: "09:00-21:00", quiet_hours: "22:00-07:00"}
                  channels:
                    - {id: ops, kind: webhook, url: "https://hooks.example/voc", secret: "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3"}
                    - {id: ding, kind: dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=x", secret: SECabc}
                    - {id: mail, kind: smtp, url: "smtps://mail.example:465", from: voc@dealer.example, to: [boss@dealer.example],
                       user: voc, password: pw}
                  rosters:
                    - id: sh-floor
                      sites: [sh-01]
                      ack_within: 10m
                      chain:
                        - {name: Li, channels: [ding], hours: "09:00-15:00"}
                        - {name: Wang, channels: [ding, mail]}
                  rules:
                    - {id: deposit, kind: negative_utterance, topics: [deposit_contract, delivery], max_score: -0.6, roster: sh-floor}
                    - {id: swearing, kind: staff_profanity, severity: critical, channels: [ops]}
                    - {id: greet, kind: compliance_rate, measure: greeting, threshold: 0.7, last_n: 10}
                    - {id: spike, kind: topic_spike, topics: [delivery], min_count: 4, factor: 2.5}
                    - {id: offline, kind: device_offline, after: 15m}
                    - {id: stale, kind: outbox_stale, older_than: 1h}
                    - {id: certs, kind: cert_expiry, files: [/etc/voc/ca.pem], within: 21d}
                """);
        assertThat(a.builtInAttention()).isFalse();
        assertThat(a.rules())
                .extracting(AlertsSettings.Rule::id)
                .containsExactly("deposit", "swearing", "greet", "spike", "offline", "stale", "certs");
        assertThat(a.site("sh-01").zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(a.site("sh-01").language()).isEqualTo("zh");
        assertThat(a.site("unknown").language()).isEqualTo("en");
        assertThat(a.roster("sh-floor").chain())
                .extracting(AlertsSettings.Person::name)
                .containsExactly("Li", "Wang");
        assertThat(a.rules().get(4).storeHoursOnly()).isTrue();
        assertThat(a.rules().get(3).cooldown()).isEqualTo(Duration.ofHours(1));
        assertThat(a.groupWindow()).isEqualTo(Duration.ofMinutes(3));
        assertThat(a.groupMaxDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(a.effective("(masked)")).containsEntry("group_max_delay", "10s");
        assertThat(a.effective("(masked)").toString())
                .doesNotContain("SECabc")
                .doesNotContain("pw,")
                .doesNotContain("whsec_");
    }

    @Test
    void groupMaxDelayDefaultsToFiveSecondsAndIsCheckedStrictly() throws Exception {
        String channel =
                "  channels: [{id: ops, kind: webhook, url: \"https://hooks.example/voc\", secret: \"0123456789abcdef0123456789\"}]\n";
        AlertsSettings a = read("alerts:\n" + channel);
        assertThat(a.groupWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.groupMaxDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> read("alerts:\n  group_max_delay: soon\n" + channel))
                .hasMessageContaining("alerts.group_max_delay");
        assertThatThrownBy(() -> read("alerts:\n  group_max_delay: 1h\n" + channel))
                .hasMessageContaining("alerts.group_max_delay");
    }

    @Test
    void badRulesAndChannelsAreRefusedNamingRuleAndField() {
        assertThatThrownBy(() -> read("""
                alerts:
                  channels:
                    - {id: ops, kind: webhook, url: "http://hooks.example/voc", secret: tiny-secret}
                    - {id: chat, kind: wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send"}
                    - {id: mail, kind: smtp, url: "smtp://mail.example:25", from: nobody, to: [], starttls: false}
                    - {id: pager, kind: pagerduty, url: "https://x"}
                  rules:
                    - {id: deposit, kind: negative_utterance, max_score: 0.5}
                    - {id: greet, kind: compliance_rate, measure: smiles, last_n: 2}
                    - {id: spike, kind: topic_spike, topics: [delivery], min_cuont: 4}
                    - {id: swearing, kind: staff_profanity, channels: [nowhere], roster: nobody}
                    - {id: certs, kind: cert_expiry}
                """))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("alerts.channels[ops].url: plain http:// to hooks.example"))
                                .anySatisfy(p -> assertThat(p).startsWith("alerts.channels[ops].secret: too short"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("alerts.channels[chat].url: a WeCom group-robot URL carries ?key="))
                                .anySatisfy(p -> assertThat(p).startsWith("alerts.channels[mail].to: required"))
                                .anySatisfy(p ->
                                        assertThat(p).startsWith("alerts.channels[mail].from: not an e-mail address"))
                                .anySatisfy(p -> assertThat(p).startsWith("alerts.channels[mail].starttls: plain SMTP"))
                                .anySatisfy(
                                        p -> assertThat(p)
                                                .startsWith(
                                                        "alerts.channels[pager].kind: expected one of webhook, wecom, dingtalk, slack, smtp"))
                                .anySatisfy(p -> assertThat(p).startsWith("alerts.rules[deposit].topics: required"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("alerts.rules[deposit].max_score: expected a number in -1.0..0.0"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("alerts.rules[greet].measure: expected one of greeting, thanks"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("alerts.rules[greet].last_n: expected a whole number in 3..1000"))
                                .anySatisfy(
                                        p -> assertThat(p)
                                                .startsWith(
                                                        "alerts.rules[spike].min_cuont: unknown key (did you mean 'min_count'?)"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("alerts.rules[swearing].channels: no channel with id 'nowhere'"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("alerts.rules[swearing].roster: no roster with id 'nobody'"))
                                .anySatisfy(p -> assertThat(p).startsWith("alerts.rules[certs].files: required"))
                                .noneSatisfy(p -> assertThat(p).contains("tiny-secret")));
    }

    @Test
    void keysOfAnotherRuleKindAreUnknownKeys() {
        assertThatThrownBy(() -> read("""
                alerts:
                  channels: [{id: s, kind: slack, url: "https://hooks.slack.com/services/x"}]
                  rules: [{id: swearing, kind: staff_profanity, topics: [delivery]}]
                """))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(
                                        p -> assertThat(p).startsWith("alerts.rules[swearing].topics: unknown key")));
    }

    @Test
    void dailyWindowsWrapMidnightAndCountStoreHours() {
        DailyWindow w = DailyWindow.parse("22:00-07:00");
        assertThat(w.contains(java.time.LocalTime.of(23, 0))).isTrue();
        assertThat(w.contains(java.time.LocalTime.of(6, 59))).isTrue();
        assertThat(w.contains(java.time.LocalTime.of(7, 0))).isFalse();
        assertThat(DailyWindow.parse("25:00-07:00")).isNull();
        assertThat(DailyWindow.parse("00:00-24:00")).isEqualTo(DailyWindow.ALWAYS);
        DailyWindow store = DailyWindow.parse("09:00-21:00");
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");
        java.time.Instant eightPm = java.time.Instant.parse("2026-12-01T20:00:00Z");
        // 20:00 -> next day 09:10: one hour before closing plus ten minutes after opening.
        assertThat(store.overlap(eightPm, eightPm.plus(Duration.ofMinutes(13 * 60 + 10)), utc))
                .isEqualTo(Duration.ofMinutes(70));
    }
}

package io.vocedge.gateway.broker;

import static io.vocedge.gateway.broker.EmbeddedBrokerRules.GATEWAY_USER;
import static io.vocedge.gateway.broker.EmbeddedBrokerRules.clientIdAllowed;
import static io.vocedge.gateway.broker.EmbeddedBrokerRules.mayPublish;
import static io.vocedge.gateway.broker.EmbeddedBrokerRules.maySubscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.protocol.Topics;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerRulesTest {
    @Test
    void aDeviceSubscribesOnlyToItsOwnDownTopicsAndNeverToAGroup() {
        assertThat(maySubscribe("dev-a", "voc/v1/s1/dev-a/down/#")).isTrue();
        assertThat(maySubscribe("dev-a", "voc/v1/s1/dev-a/down/+")).isTrue();
        assertThat(maySubscribe("dev-a", Topics.ack("s1", "dev-a"))).isTrue();
        assertThat(maySubscribe("dev-a", Topics.command("s1", "dev-a"))).isTrue();
        for (String f : new String[] {
            "#",
            "voc/#",
            "voc/v1/+/+/up/records",
            "voc/v1/+/dev-a/down/#",
            "voc/v1/s1/dev-b/down/#",
            "voc/v1/s1/dev-a/up/#",
            "voc/v1/s1/dev-a/down/ack/deeper",
            "voc/v1/s1/dev-a/down",
            Topics.sharedRecordsFilter(),
            Topics.sharedResultsFilter(),
            "$share/voc-gateways/voc/v1/s1/dev-a/down/#",
            "$SYS/#",
            Topics.statusFilter(),
            "",
            "voc/v1/s1/dev-a/down/+/#"
        }) {
            assertThat(maySubscribe("dev-a", f)).as(f).isFalse();
        }
        assertThat(maySubscribe(null, "voc/v1/s1/dev-a/down/#")).isFalse();
    }

    @Test
    void theGatewaySubscribesToExactlyItsFourFilters() {
        assertThat(maySubscribe(GATEWAY_USER, Topics.sharedRecordsFilter())).isTrue();
        assertThat(maySubscribe(GATEWAY_USER, Topics.sharedResultsFilter())).isTrue();
        assertThat(maySubscribe(GATEWAY_USER, Topics.statusFilter())).isTrue();
        for (String f : new String[] {
            "#", "voc/v1/#", "voc/v1/+/+/up/records", "$share/other/voc/v1/+/+/up/records", "voc/v1/+/+/down/#"
        }) {
            assertThat(maySubscribe(GATEWAY_USER, f)).as(f).isFalse();
        }
    }

    @Test
    void aDevicePublishesItsThreeUpTopicsRetainedOnlyOnStatus() {
        assertThat(mayPublish("dev-a", Topics.records("s1", "dev-a"), false)).isTrue();
        assertThat(mayPublish("dev-a", Topics.commandResult("s1", "dev-a"), false))
                .isTrue();
        assertThat(mayPublish("dev-a", Topics.status("s1", "dev-a"), true)).isTrue();
        assertThat(mayPublish("dev-a", Topics.records("s1", "dev-a"), true))
                .as("retained record")
                .isFalse();
        assertThat(mayPublish("dev-a", Topics.records("s1", "dev-b"), false))
                .as("as another device")
                .isFalse();
        assertThat(mayPublish("dev-a", Topics.ack("s1", "dev-a"), false))
                .as("its own ack")
                .isFalse();
        assertThat(mayPublish("dev-a", Topics.records("s1", "dev-a") + "/x", false))
                .as("deeper")
                .isFalse();
        assertThat(mayPublish("dev-a", "voc/v1/s1/dev-a/up/other", false)).isFalse();
        assertThat(mayPublish("dev-a", "voc/v1/s1/dev-a/up", false)).isFalse();
        assertThat(mayPublish("dev-a", "$SYS/x", false)).isFalse();
    }

    @Test
    void theGatewayPublishesDownTopicsNeverRetainedAndNeverAsADevice() {
        assertThat(mayPublish(GATEWAY_USER, Topics.ack("s1", "dev-a"), false)).isTrue();
        assertThat(mayPublish(GATEWAY_USER, Topics.command("s1", "dev-a"), false))
                .isTrue();
        assertThat(mayPublish(GATEWAY_USER, Topics.command("s1", "dev-a"), true))
                .isFalse();
        assertThat(mayPublish(GATEWAY_USER, "voc/v1/s1/dev-a/down/lexicon", true))
                .as("the retained lexicon")
                .isTrue();
        assertThat(mayPublish("dev-a", "voc/v1/s1/dev-a/down/lexicon", true)).isFalse();
        assertThat(mayPublish(GATEWAY_USER, Topics.records("s1", "dev-a"), false))
                .isFalse();
        assertThat(mayPublish(GATEWAY_USER, Topics.ack("s1", "dev-a") + "/x", false))
                .isFalse();
    }

    @Test
    void modelDistributionTopics() {
        // A device asks for chunks on its own up/model_request only, never retained, never as another device.
        assertThat(mayPublish("dev-a", Topics.modelRequest("s1", "dev-a"), false))
                .isTrue();
        assertThat(mayPublish("dev-a", Topics.modelRequest("s1", "dev-a"), true))
                .as("retained request")
                .isFalse();
        assertThat(mayPublish("dev-a", Topics.modelRequest("s1", "dev-b"), false))
                .as("on another device's topic")
                .isFalse();
        // It reads its own manifest and chunks, nobody else's, and cannot write either.
        assertThat(maySubscribe("dev-a", Topics.model("s1", "dev-a"))).isTrue();
        assertThat(maySubscribe("dev-a", Topics.modelChunk("s1", "dev-a"))).isTrue();
        assertThat(maySubscribe("dev-a", Topics.modelChunk("s1", "dev-b")))
                .as("another device's chunks")
                .isFalse();
        assertThat(maySubscribe("dev-a", "voc/v1/s1/+/down/model_chunk")).isFalse();
        assertThat(maySubscribe("dev-a", Topics.sharedModelRequestsFilter()))
                .as("the gateways' group")
                .isFalse();
        for (boolean retain : new boolean[] {false, true}) {
            assertThat(mayPublish("dev-a", Topics.model("s1", "dev-a"), retain))
                    .as("a forged manifest")
                    .isFalse();
            assertThat(mayPublish("dev-a", Topics.modelChunk("s1", "dev-a"), retain))
                    .as("a forged chunk")
                    .isFalse();
        }
        // The gateway: manifest retained, chunks never retained, requests through the shared group.
        assertThat(maySubscribe(GATEWAY_USER, Topics.sharedModelRequestsFilter()))
                .isTrue();
        assertThat(maySubscribe(GATEWAY_USER, "voc/v1/+/+/up/model_request"))
                .as("unshared")
                .isFalse();
        assertThat(mayPublish(GATEWAY_USER, Topics.model("s1", "dev-a"), true)).isTrue();
        assertThat(mayPublish(GATEWAY_USER, Topics.modelChunk("s1", "dev-a"), false))
                .isTrue();
        assertThat(mayPublish(GATEWAY_USER, Topics.modelChunk("s1", "dev-a"), true))
                .as("a retained chunk")
                .isFalse();
        assertThat(mayPublish(GATEWAY_USER, Topics.modelRequest("s1", "dev-a"), false))
                .isFalse();
    }

    @Test
    void clientIdsBelongToTheirUser() {
        assertThat(clientIdAllowed("dev-a", "voc-dev-a")).isTrue();
        assertThat(clientIdAllowed("dev-a", "voc-dev-a-b"))
                .as("device dev-a-b's session")
                .isFalse();
        assertThat(clientIdAllowed("dev-a", "dev-a-selftest"))
                .as("the self-test's client")
                .isTrue();
        assertThat(clientIdAllowed("dev-a", "voc-dev-b")).isFalse();
        assertThat(clientIdAllowed("dev-a", "dev-b-selftest")).isFalse();
        assertThat(clientIdAllowed("dev-a", "voc-dev-ab")).isFalse();
        assertThat(clientIdAllowed("gateway-x", "voc-gateway-x"))
                .as("a device named like the gateway")
                .isFalse();
        assertThat(clientIdAllowed(GATEWAY_USER, "voc-gateway-gw-1")).isTrue();
        assertThat(clientIdAllowed(GATEWAY_USER, "voc-dev-a")).isFalse();
        assertThat(clientIdAllowed("dev-a", "")).isFalse();
    }
}

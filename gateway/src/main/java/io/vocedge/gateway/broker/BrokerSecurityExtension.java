package io.vocedge.gateway.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * Registered in-process with the embedded HiveMQ: user name + password on every CONNECT ({@link BrokerCredentials}),
 * then {@link EmbeddedBrokerRules} at every SUBSCRIBE and PUBLISH (wills included: HiveMQ authorizes a will as a
 * publish). Each client's queue is capped ({@code queueLimit}). Refusals are counted and logged, never with payloads.
 */
final class BrokerSecurityExtension implements ExtensionMain {
    static final String USER_ATTRIBUTE = "voc.user";
    private final BrokerCredentials credentials;
    private final long queueLimit;
    final AtomicLong refusedConnects = new AtomicLong();
    final AtomicLong refusedSubscribes = new AtomicLong();
    final AtomicLong refusedPublishes = new AtomicLong();

    BrokerSecurityExtension(BrokerCredentials credentials, long queueLimit) {
        this.credentials = credentials;
        this.queueLimit = queueLimit;
    }

    @Override
    public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
        SimpleAuthenticator authenticator = this::authenticate;
        Services.securityRegistry().setAuthenticatorProvider(i -> authenticator);
        Authorizer authorizer = new Authorizer();
        Services.securityRegistry().setAuthorizerProvider(i -> authorizer);
    }

    @Override
    public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
        // nothing to release
    }

    private void authenticate(SimpleAuthInput in, SimpleAuthOutput out) {
        String clientId = in.getConnectPacket().getClientId();
        String user = in.getConnectPacket().getUserName().orElse(null);
        byte[] password = in.getConnectPacket()
                .getPassword()
                .map(BrokerSecurityExtension::bytes)
                .orElse(null);
        if (user == null || password == null) {
            refuse(out, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "no user name or password", clientId, user);
            return;
        }
        if (!credentials.matches(user, password)) {
            refuse(out, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong user name or password", clientId, user);
            return;
        }
        if (!EmbeddedBrokerRules.clientIdAllowed(user, clientId)) {
            refuse(
                    out,
                    ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "client id does not belong to the user",
                    clientId,
                    user);
            return;
        }
        in.getConnectionInformation().getConnectionAttributeStore().putAsString(USER_ATTRIBUTE, user);
        out.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        out.getClientSettings().setClientQueueSizeMaximum(queueLimit);
        out.authenticateSuccessfully();
    }

    private void refuse(SimpleAuthOutput out, ConnackReasonCode code, String why, String clientId, String user) {
        refusedConnects.incrementAndGet();
        Logger.warn(
                "event=broker_connect_refused client_id=\"{}\" user=\"{}\" reason=\"{}\"",
                printable(clientId),
                printable(user),
                why);
        out.failAuthentication(code, why);
    }

    private final class Authorizer implements SubscriptionAuthorizer, PublishAuthorizer {
        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput in, SubscriptionAuthorizerOutput out) {
            String user = user(
                    in.getConnectionInformation().getConnectionAttributeStore().getAsString(USER_ATTRIBUTE));
            String filter = in.getSubscription().getTopicFilter();
            if (user != null && EmbeddedBrokerRules.maySubscribe(user, filter)) {
                out.authorizeSuccessfully();
                return;
            }
            refusedSubscribes.incrementAndGet();
            Logger.warn("event=broker_subscribe_refused user=\"{}\" filter=\"{}\"", printable(user), printable(filter));
            out.failAuthorization(SubackReasonCode.NOT_AUTHORIZED);
        }

        @Override
        public void authorizePublish(PublishAuthorizerInput in, PublishAuthorizerOutput out) {
            String user = user(
                    in.getConnectionInformation().getConnectionAttributeStore().getAsString(USER_ATTRIBUTE));
            String topic = in.getPublishPacket().getTopic();
            boolean retain = in.getPublishPacket().getRetain();
            if (user != null && EmbeddedBrokerRules.mayPublish(user, topic, retain)) {
                out.authorizeSuccessfully();
                return;
            }
            refusedPublishes.incrementAndGet();
            Logger.warn(
                    "event=broker_publish_refused user=\"{}\" topic=\"{}\" retain={}",
                    printable(user),
                    printable(topic),
                    retain);
            out.failAuthorization(AckReasonCode.NOT_AUTHORIZED);
        }
    }

    private static String user(Optional<String> u) {
        return u.orElse(null);
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    /** Client-supplied text for a log line: at most 120 characters, no control characters or quotes. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(120).forEach(c -> {
            if (Character.isISOControl(c) || c == '"' || c == '\\' || Character.getType(c) == Character.FORMAT) {
                b.append('?');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}

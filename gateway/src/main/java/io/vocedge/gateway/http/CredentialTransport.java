package io.vocedge.gateway.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Whether a request may carry a credential (the admin bearer token; later the console's login and session). Plain
 * HTTP is allowed only when the server listens on loopback alone: then the token never leaves this machine (the
 * demo). On any other address the server must run TLS, or every credential route answers 403 saying why - before
 * the token is even looked at, so a misconfigured server is unusable for admin work instead of quietly leaking.
 */
public final class CredentialTransport {
    private final boolean refuse;
    private final String host;
    private final Counter refused;
    private final LogThrottle log = new LogThrottle(Duration.ofSeconds(30));

    public CredentialTransport(HttpSettings settings, MeterRegistry metrics) {
        this.refuse = settings.tls() == null && !settings.loopbackOnly();
        this.host = settings.host();
        this.refused = Counter.builder("voc_http_credentials_refused")
                .description("requests carrying or asking for a credential over plain HTTP on a non-loopback address")
                .register(metrics);
    }

    /** True when credentials are refused on this server (plain HTTP, non-loopback bind). */
    public boolean refusesCredentials() {
        return refuse;
    }

    /** Throws 403 with the reason when this server must not take credentials. */
    public void require(Context ctx) {
        if (!refuse) {
            return;
        }
        refused.increment();
        long held = log.admit();
        if (held >= 0) {
            Logger.warn(
                    "event=admin_refused_plain_http client={} path={} bind={} refused_since_last_line={} "
                            + "fix=\"set http.tls (cert_file, key_file) or bind http.host to 127.0.0.1\"",
                    ctx.ip(),
                    ctx.path(),
                    host,
                    held);
        }
        throw new HttpResponseException(403, message(), Map.of());
    }

    String message() {
        return "refused: the admin token is not accepted over plain HTTP when the gateway listens on a non-loopback "
                + "address (http.host " + host + "), because it would cross the network readable by anyone on it. Set "
                + "http.tls {cert_file, key_file} (a server certificate from 'voc-provision gateway enroll --http-host') and "
                + "use https://, or bind http.host to 127.0.0.1 and use the API from the gateway machine.";
    }
}

package io.vocedge.gateway.http;

import io.micrometer.core.instrument.Counter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.tinylog.Logger;

/**
 * At most N open connections per client address; the next one is closed as soon as it opens. Jetty limits
 * connections in total ({@code ConnectionLimit}) and requests per client ({@code DoSHandler}), but not open
 * connections per client, and a slow client never becomes a request: this is the small piece written by hand.
 * Counted at the socket level, so a TLS connection counts once and before its handshake.
 */
final class PerAddressConnectionLimit implements Connection.Listener {
    private final int max;
    private final Counter refused;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EndPoint, InetAddress> counted = new ConcurrentHashMap<>();
    private final LogThrottle log = new LogThrottle(Duration.ofSeconds(10));

    PerAddressConnectionLimit(int max, Counter refused) {
        this.max = max;
        this.refused = refused;
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint ep = connection.getEndPoint();
        if (!ConnectionEndpoints.isNetworkLevel(ep)) {
            return;
        }
        InetAddress client = ConnectionEndpoints.clientAddress(ep);
        if (client == null || counted.putIfAbsent(ep, client) != null) {
            return;
        }
        int n = open.computeIfAbsent(client, k -> new AtomicInteger()).incrementAndGet();
        if (n > max) {
            refused.increment();
            long held = log.admit();
            if (held >= 0) {
                Logger.warn(
                        "event=http_connection_refused reason=per_address_limit client={} open={} limit={} "
                                + "refused_since_last_line={}",
                        client.getHostAddress(),
                        n - 1,
                        max,
                        held);
            }
            ep.close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = counted.remove(connection.getEndPoint());
        if (client != null) {
            open.computeIfPresent(client, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
        }
    }

    /** Open connections from {@code client} (for tests and diagnostics). */
    int openFrom(InetAddress client) {
        AtomicInteger n = open.get(client);
        return n == null ? 0 : n.get();
    }
}

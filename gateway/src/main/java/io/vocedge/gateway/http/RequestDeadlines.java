package io.vocedge.gateway.http;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.tinylog.Logger;

/**
 * Closes connections whose request does not arrive in time. Jetty 12 has an idle timeout but no request-header
 * timeout: the idle timer restarts with every byte, so a client dripping one header byte every few seconds (slowloris)
 * keeps its connection forever. Jetty reads without a thread per connection, so such clients cannot block
 * {@code /health}, but they hold connection slots; this sweep frees them. Rules, checked every {@code tick}:
 * <ul>
 *   <li>no complete request header within {@code headerTimeout} of the connection opening (also covers a TLS
 *       handshake that never finishes, and a connection that sends nothing);</li>
 *   <li>a request line and headers begun more than {@code headerTimeout} ago and still not complete;</li>
 *   <li>a request (headers and body) begun more than {@code requestTimeout} ago and still not complete.</li>
 * </ul>
 * A request being handled or a response being written is never cut: only bytes the client owes us are timed.
 */
final class RequestDeadlines implements Connection.Listener, AutoCloseable {
    private final long headerNanos;
    private final long requestNanos;
    private final Counter headerTimeouts;
    private final Counter requestTimeouts;
    private final Map<HttpConnection, Long> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final LogThrottle log = new LogThrottle(Duration.ofSeconds(10));

    RequestDeadlines(Duration header, Duration request, Counter headerTimeouts, Counter requestTimeouts) {
        this.headerNanos = header.toNanos();
        this.requestNanos = request.toNanos();
        this.headerTimeouts = headerTimeouts;
        this.requestTimeouts = requestTimeouts;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("http-deadlines").daemon(true).unstarted(r));
        long tick = Math.max(100, Math.min(1000, header.toMillis() / 4));
        // Guarded: one exception must not cancel the repeating sweep.
        sweeper.scheduleWithFixedDelay(
                () -> {
                    try {
                        sweep(NanoTime.now());
                    } catch (RuntimeException e) {
                        Logger.warn("event=http_deadline_sweep_failed error=\"{}\"", e.toString());
                    }
                },
                tick,
                tick,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.put(http, NanoTime.now());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.remove(http);
        }
    }

    void sweep(long now) {
        for (Map.Entry<HttpConnection, Long> e : open.entrySet()) {
            HttpConnection c = e.getKey();
            HttpParser p = c.getParser();
            // _state is volatile in HttpParser and written after beginNanoTime, so reading the state first is enough.
            boolean receiving = !p.isStart() && !p.isComplete() && !p.isClose() && !p.isClosed() && !p.isTerminated();
            boolean inHeader = p.inHeaderState();
            long begun = p.getBeginNanoTime();
            String rule = null;
            if (c.getMessagesIn() == 0 && (p.isStart() || inHeader) && now - e.getValue() > headerNanos) {
                rule = "no_request_header_since_open";
            } else if (receiving && inHeader && begun != 0 && now - begun > headerNanos) {
                rule = "header_timeout";
            } else if (receiving && !inHeader && begun != 0 && now - begun > requestNanos) {
                rule = "request_timeout";
            }
            if (rule != null) {
                (rule.equals("request_timeout") ? requestTimeouts : headerTimeouts).increment();
                long held = log.admit();
                var client = ConnectionEndpoints.clientAddress(c.getEndPoint());
                if (held >= 0) {
                    Logger.warn(
                            "event=http_connection_cut rule={} client={} closed_since_last_line={}",
                            rule,
                            client == null ? "-" : client.getHostAddress(),
                            held);
                }
                open.remove(c);
                ConnectionEndpoints.network(c.getEndPoint()).close();
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

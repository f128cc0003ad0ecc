package io.vocedge.gateway.console.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Times console pages and API calls on a running gateway, one request at a time (the figure is the request's time
 * seen by a client on the same machine: the server's time plus loopback, an upper bound of server time). Signs in
 * through the real form; each measured path is requested {@code warmup} times unmeasured, then {@code samples} times.
 */
public final class BenchClient {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String cookie;

    /** p50/p95/max in milliseconds of one measured path, and how many answers were not 200. */
    public record Result(String name, int samples, double p50, double p95, double max, int failures, long bytes) {
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%-44s n=%-4d p50=%7.1f ms  p95=%7.1f ms  max=%7.1f ms  failures=%d  bytes=%d",
                    name,
                    samples,
                    p50,
                    p95,
                    max,
                    failures,
                    bytes);
        }
    }

    public BenchClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public void login(String name, String password) throws IOException, InterruptedException {
        String body = "name=" + enc(name) + "&password=" + enc(password) + "&next=" + enc("/console/today");
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        cookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("voc_session="))
                .findFirst()
                .map(c -> c.split(";")[0])
                .orElseThrow(() -> new IOException("sign-in as " + name + " failed: HTTP " + r.statusCode()));
    }

    public int status(String path) throws IOException, InterruptedException {
        return send(path).statusCode();
    }

    private HttpResponse<byte[]> send(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", cookie)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Measures {@code path(i)} for i = 0..warmup+samples-1 (the path may vary, e.g. a random conversation). */
    public Result measure(String name, IntFunction<String> path, int warmup, int samples)
            throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            send(path.apply(i));
        }
        double[] ms = new double[samples];
        int failures = 0;
        long bytes = 0;
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = send(path.apply(warmup + i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
            bytes = r.body().length;
            if (r.statusCode() != 200) {
                failures++;
            }
        }
        Arrays.sort(ms);
        return new Result(name, samples, pct(ms, 0.50), pct(ms, 0.95), ms[ms.length - 1], failures, bytes);
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Random conversation paths of the generated data set (see {@link BenchData}: conversation cv is on device
     * cv % devices, and device d is at site d / devicesPerSite); {@code site} &gt;= 0 picks only that site's.
     */
    public static IntFunction<String> conversations(
            long conversations, int devices, int devicesPerSite, int site, long seed) {
        Random random = new Random(seed);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long cv = (long) (random.nextDouble() * conversations);
            if (site >= 0) {
                long dev = (long) site * devicesPerSite + random.nextInt(devicesPerSite);
                cv = dev + (cv / devices) * devices;
                if (cv >= conversations) {
                    cv -= devices;
                }
            }
            paths.add(
                    "/console/conversations/bench-" + String.format(Locale.ROOT, "%05d", cv % devices) + "/conv-" + cv);
        }
        return i -> paths.get(i % paths.size());
    }
}

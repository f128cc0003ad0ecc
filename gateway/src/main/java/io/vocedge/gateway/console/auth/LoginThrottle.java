package io.vocedge.gateway.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name and per client address: after {@code maxFailures} within {@code window} for a name
 * (four times as many for an address: a shop's staff share one NAT address) that key is refused until the oldest failure leaves the window (the response says how long). Counting by name stops
 * guessing one account from many addresses; counting by address stops trying many names from one. Bounded: at most
 * {@code maxKeys} keys are tracked; when full, keys whose failures have all aged out are dropped, and if none have,
 * new keys are counted under one shared overflow key (fails closed under a flood of distinct names).
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, int maxKeys, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Seconds to wait before this name or address may try again; 0 = may try now. */
    public long retryAfterSeconds(String name, String address) {
        return Math.max(wait(key("u:", name), maxFailures), wait(key("a:", address), maxFailures * 4));
    }

    public void failed(String name, String address) {
        add(key("u:", name));
        add(key("a:", address));
    }

    public void succeeded(String name) {
        failures.remove(key("u:", name));
    }

    private String key(String kind, String value) {
        String k = kind + (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT));
        if (!failures.containsKey(k) && failures.size() >= maxKeys) {
            Instant cutoff = clock.instant().minus(window);
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(cutoff);
                }
            });
            if (failures.size() >= maxKeys) {
                return kind + "*overflow*";
            }
        }
        return k;
    }

    private long wait(String key, int allowed) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            Instant cutoff = clock.instant().minus(window);
            while (!d.isEmpty() && d.peekFirst().isBefore(cutoff)) {
                d.pollFirst();
            }
            if (d.size() < allowed) {
                return 0;
            }
            return Math.max(1, Duration.between(cutoff, d.peekFirst()).toSeconds() + 1);
        }
    }

    private void add(String key) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(clock.instant());
            while (d.size() > maxFailures * 8) {
                d.pollFirst();
            }
        }
    }
}

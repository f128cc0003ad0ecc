package io.vocedge.gateway.settings;

import io.vocedge.common.config.ConfigNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the features' settings records share when they read and show their sections: the text shown instead of a
 * secret, the readable-file check and the loopback-host check. Depends on nothing else in the gateway, so every
 * feature may use it (issue 12: features own their settings, {@code config} only composes them).
 */
public final class SettingsSupport {

    /** Shown instead of a secret's value by the {@code effective()} views ({@code voc-gateway config check}). */
    public static final String MASKED = "(set, not shown)";

    private SettingsSupport() {}

    /** Reports {@code key} as a problem when the file {@code p} is set but missing or unreadable. */
    public static void readable(ConfigNode n, String key, Path p) {
        if (p != null && !Files.isReadable(p)) {
            n.problem(key, p + " is missing or unreadable");
        }
    }

    /** A path as text for {@code effective()}, or null. */
    public static String text(Path p) {
        return p == null ? null : p.toString();
    }

    /** {@code localhost} or a literal loopback address (127.0.0.0/8, ::1); host names are not resolved. */
    public static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equals("localhost")) {
            return true;
        }
        try {
            if (host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
                return InetAddress.getByName(host.replace("[", "").replace("]", ""))
                        .isLoopbackAddress();
            }
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        return false;
    }
}

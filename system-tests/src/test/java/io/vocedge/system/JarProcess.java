package io.vocedge.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One of our jars running as a real OS process, so fault tests can {@code kill -9} it
 * ({@link Process#destroyForcibly()} sends SIGKILL on Linux) or stop it with SIGTERM.
 */
final class JarProcess implements AutoCloseable {
    private final String name;
    private final List<String> command;
    private final Path log;
    private final java.util.Map<String, String> env;
    private Process process;
    private int starts;

    JarProcess(String name, Path jar, Path log, List<String> args, java.util.Map<String, String> env) {
        this(name, jar, log, args, env, null);
    }

    /**
     * @param umask when set (e.g. {@code "022"}), the JVM is started as {@code sh -c 'umask 022; exec java ...'}, so
     *     files it creates without explicit permissions get exactly what that umask allows
     */
    JarProcess(String name, Path jar, Path log, List<String> args, java.util.Map<String, String> env, String umask) {
        this.name = name;
        this.log = log;
        this.env = java.util.Map.copyOf(env);
        List<String> cmd = new ArrayList<>();
        if (umask != null) {
            cmd.addAll(List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xmx256m");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " not built: run './mvnw verify' from the repository root");
        }
    }

    static Path jar(String property) {
        String p = System.getProperty(property);
        if (p == null) {
            throw new IllegalStateException("system property " + property + " not set (run through Maven failsafe)");
        }
        return Path.of(p).toAbsolutePath().normalize();
    }

    JarProcess start() {
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            Files.writeString(
                    log,
                    "\n==== start #" + (++starts) + " " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = pb.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The exit code of a process that has ended. */
    int exitCode() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, like a power cut of the process. */
    void kill9() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    /** SIGTERM and wait: the graceful shutdown path. Returns the exit code. */
    int terminate(Duration timeout) {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!waitFor(timeout)) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
            throw new IllegalStateException(name + " did not stop within " + timeout + " after SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    int waitForExit(Duration timeout) {
        if (!waitFor(timeout)) {
            throw new IllegalStateException(name + " still running after " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        kill9();
    }
}

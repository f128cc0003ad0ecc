package io.vocedge.device.selftest;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The technician at the device during the interactive checks. */
public interface Operator {
    void tell(String line);

    /** Asks and waits for one line; empty when there was no answer within {@code timeout}. */
    Optional<String> ask(String question, Duration timeout) throws InterruptedException;

    /** Prompts on {@code out} (stderr, so --json output stays clean), answers from {@code in}. */
    static Operator console(InputStream in, PrintStream out) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        for (String l; (l = r.readLine()) != null; ) {
                            lines.add(l);
                        }
                    } catch (java.io.IOException e) {
                        // stdin closed: every question times out
                    }
                },
                "selftest-stdin");
        reader.setDaemon(true);
        reader.start();
        return new Operator() {
            @Override
            public void tell(String line) {
                out.println(line);
                out.flush();
            }

            @Override
            public Optional<String> ask(String question, Duration timeout) throws InterruptedException {
                out.print(question + " ");
                out.flush();
                return Optional.ofNullable(lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
            }
        };
    }
}

package io.vocedge.testsupport.cli;

import io.vocedge.testsupport.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A {@link KafkaBroker} for scripts (bench/forward.sh): prints {@code bootstrap=host:port} once the broker accepts
 * clients, then keeps it up until this JVM is told to stop (SIGTERM/SIGINT), which stops the broker and deletes its
 * directory. Run with {@code java -cp test-support/target/classes io.vocedge.testsupport.cli.KafkaBrokerMain}.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.stop();
                            deleteTree(broker.directory());
                        },
                        "kafka-broker-stop"));
        System.out.println("bootstrap=" + broker.bootstrapServers());
        System.out.println("directory=" + broker.directory());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}

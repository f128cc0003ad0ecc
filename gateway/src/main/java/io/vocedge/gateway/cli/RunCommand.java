package io.vocedge.gateway.cli;

import io.vocedge.gateway.GatewayApp;
import io.vocedge.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the gateway service until SIGTERM. */
@Command(
        name = "run",
        description = "Run the gateway. Without --config: embedded broker on loopback (1883, or a free port if taken), "
                + "SQLite store, HTTP on a free loopback port; all written to <data-dir>/runtime.json.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", description = "gateway YAML (see gateway/README.md)")
    Path config;

    @Option(names = "--data-dir", description = "overrides data_dir from the config (default data/gateway)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
        GatewayApp app = GatewayApp.start(cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        stopped.await();
        return 0;
    }
}

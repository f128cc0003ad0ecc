package io.vocedge.gateway.cli;

import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.gateway.broker.BrokerCredentials;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.protocol.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code broker password}: a device's password for the embedded broker (user name = device id). */
@Command(
        name = "broker",
        description = "The embedded broker's client credentials.",
        subcommands = {BrokerCommand.Password.class})
final class BrokerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: password");
    }

    @Command(
            name = "password",
            description = {
                "Write (--out, 0600) or print a device's password for the embedded broker.",
                "The device logs in with user name = its id: device.yaml broker.password_file, or voc-device run --broker-password-file.",
                "The gateway must have started once with this --data-dir (it creates the broker's secret then)."
            })
    static final class Password implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DEVICE_ID")
        String deviceId;

        @Option(names = "--config", paramLabel = "FILE", description = "gateway YAML (default: embedded defaults)")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
        Path dataDir;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "write it to FILE (created 0600) instead of printing it")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Ids.isValid(deviceId)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "'" + deviceId + "' is not a device id: 1-64 " + "characters of a-z, 0-9, '-' or '_'");
            }
            GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
            if (!cfg.broker().embedded()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "this gateway uses the external broker " + cfg.broker().url()
                                + ": devices log in there with their certificates (voc-provision device enroll)");
            }
            BrokerCredentials credentials;
            try {
                credentials = BrokerCredentials.load(cfg.dataDir().resolve("broker"));
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            String password = credentials.devicePassword(deviceId);
            if (out != null) {
                OwnerOnly.writeAtomically(out, (password + "\n").getBytes(StandardCharsets.UTF_8));
                spec.commandLine().getOut().println("password of " + deviceId + " written to " + out + " (0600)");
            } else {
                spec.commandLine().getOut().println(password);
            }
            return 0;
        }
    }
}

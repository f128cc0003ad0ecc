package io.vocedge.gateway.console;

import io.vocedge.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.List;

/** {@link RecordsCliContract} on a SQLite file, found through {@code --data-dir}. */
class RecordsCliSqliteIT extends RecordsCliContract {
    @Override
    GatewayConfig config(Path data) {
        return GatewayConfig.defaults(data);
    }

    @Override
    List<String> storeOptions(Path data) {
        return List.of("--data-dir", data.toString());
    }
}

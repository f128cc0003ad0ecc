package io.vocedge.gateway.console;

import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.testsupport.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link RecordsCliContract} on PostgreSQL (a database of its own on 127.0.0.1:5432, dropped afterwards), found through
 * {@code --config}: the same queries, with PostgreSQL's booleans and timestamps.
 */
class RecordsCliPostgresIT extends RecordsCliContract {
    private PostgresDatabase pg;
    private Path yaml;

    @Override
    GatewayConfig config(Path data) throws Exception {
        pg = PostgresDatabase.create();
        yaml = Files.writeString(
                Files.createDirectories(data.getParent()).resolve("gw.yaml"),
                "gateway_id: records-it\n" + "store: {kind: postgresql, jdbc_url: \"" + pg.jdbcUrl() + "\", user: "
                        + pg.user() + "}\n");
        return GatewayConfig.load(yaml, data);
    }

    @Override
    List<String> storeOptions(Path data) {
        return List.of("--config", yaml.toString(), "--data-dir", data.toString());
    }

    @AfterAll
    void dropDatabase() {
        if (pg != null) {
            pg.close();
        }
    }
}

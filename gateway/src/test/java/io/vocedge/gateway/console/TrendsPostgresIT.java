package io.vocedge.gateway.console;

import java.nio.file.Path;

/** {@link TrendsContract} on PostgreSQL (a database of its own on 127.0.0.1:5432, dropped afterwards). */
class TrendsPostgresIT extends TrendsContract {
    @Override
    ConsoleStack open(Path dir) throws Exception {
        return ConsoleStack.postgres(dir);
    }
}

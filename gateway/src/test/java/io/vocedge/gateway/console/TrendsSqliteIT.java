package io.vocedge.gateway.console;

import java.nio.file.Path;

/** {@link TrendsContract} on the embedded store (a SQLite file). */
class TrendsSqliteIT extends TrendsContract {
    @Override
    ConsoleStack open(Path dir) throws Exception {
        return ConsoleStack.sqlite(dir);
    }
}

package io.vocedge.gateway.console;

import java.nio.file.Path;

/** {@link SearchContract} on the embedded store (a SQLite file). */
class SearchSqliteIT extends SearchContract {
    @Override
    ConsoleStack open(Path dir) throws Exception {
        return ConsoleStack.sqlite(dir);
    }
}

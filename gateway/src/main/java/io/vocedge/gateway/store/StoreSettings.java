package io.vocedge.gateway.store;

import io.vocedge.common.config.ConfigNode;
import io.vocedge.gateway.settings.SettingsSupport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code store:} section: {@code sqlite} with a file, or {@code postgresql} with a JDBC URL. */
public record StoreSettings(String kind, Path sqliteFile, String jdbcUrl, String user, String password, int poolSize) {
    public boolean postgres() {
        return "postgresql".equals(kind);
    }

    public static StoreSettings from(ConfigNode s, Path dataDir) {
        String kind = s.oneOf("kind", "sqlite", "sqlite", "postgresql");
        String jdbc = s.string("jdbc_url", null);
        if ("postgresql".equals(kind) && (jdbc == null || !jdbc.startsWith("jdbc:postgresql://"))) {
            s.problem("jdbc_url", "required for kind postgresql, e.g. jdbc:postgresql://127.0.0.1:5432/voc");
        }
        if ("sqlite".equals(kind) && jdbc != null) {
            s.problem("jdbc_url", "only for kind postgresql (this store is sqlite: set kind: postgresql or remove it)");
        }
        Path file = s.path("sqlite_file", dataDir.resolve("voc.db"));
        String user = s.string("user", "postgres");
        String password = s.secret("password", "");
        int pool = s.integer("pool_size", 4, 1, 64);
        return new StoreSettings(kind, file, jdbc, user, password, pool);
    }

    /** The section as {@code config check} prints it: every default filled in, in the file's key names. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        if (postgres()) {
            m.put("jdbc_url", jdbcUrl);
            m.put("user", user);
            m.put("password", password == null || password.isEmpty() ? "" : SettingsSupport.MASKED);
            m.put("pool_size", poolSize);
        } else {
            m.put("sqlite_file", SettingsSupport.text(sqliteFile));
        }
        return m;
    }
}

package io.vocedge.gateway.alerts;

import io.vocedge.common.config.ConfigException;
import io.vocedge.gateway.alerts.AlertsSettings.Rule;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.tinylog.Logger;

/**
 * The effective rules of this gateway: the config file's rules, then the enabled console rules (the store's
 * {@code alert_rules}); the built-in {@code attention} rule when there are channels and neither. {@link #refresh()}
 * reloads when the store's rule version moved (every gateway sharing the store polls it every
 * {@code alerts.rules_reload_every}). A console rule that no longer reads (a channel or roster it names left the
 * config) is skipped with a warning and shown as such in the console.
 */
public final class LiveRules {
    private final AlertsSettings settings;
    private final ConsoleRuleStore store;
    private final AtomicReference<State> state;

    /** What the rules were built from. */
    public record State(long version, List<Rule> effective, Map<String, String> broken) {}

    public LiveRules(AlertsSettings settings, ConsoleRuleStore storeOrNull) {
        this.settings = settings;
        this.store = storeOrNull;
        this.state = new AtomicReference<>(new State(-1, settings.rules(), Map.of()));
    }

    public List<Rule> current() {
        return state.get().effective();
    }

    public State state() {
        return state.get();
    }

    /** Ids console rules may not take: the config file's rules and the built-in one. */
    public Set<String> reservedIds() {
        Set<String> ids = new LinkedHashSet<>();
        settings.fileRules().forEach(r -> ids.add(r.id()));
        ids.add(AlertsSettings.attentionRule().id());
        return ids;
    }

    /** Reloads when the store's version differs from the one loaded; true when it did. */
    public boolean refresh() throws SQLException {
        if (store == null) {
            return false;
        }
        long version = store.version();
        if (version == state.get().version()) {
            return false;
        }
        List<Rule> effective = new ArrayList<>(settings.fileRules());
        Map<String, String> broken = new LinkedHashMap<>();
        Set<String> reserved = reservedIds();
        int console = 0;
        for (ConsoleRuleStore.StoredRule s : store.list()) {
            if (!s.enabled()) {
                continue;
            }
            if (reserved.contains(s.id())) {
                broken.put(s.id(), "id '" + s.id() + "' is taken by a rule in the config file");
                continue;
            }
            try {
                Rule r = settings.consoleRule(s.definition());
                if (r != null) {
                    effective.add(r);
                    console++;
                }
            } catch (ConfigException e) {
                broken.put(s.id(), String.join("; ", e.problems()));
            }
        }
        if (effective.isEmpty() && settings.enabled()) {
            effective.add(AlertsSettings.attentionRule());
        }
        state.set(new State(version, List.copyOf(effective), Map.copyOf(broken)));
        broken.forEach((id, why) -> Logger.warn("event=alert_rule_skipped rule={} reason=\"{}\"", id, why));
        Logger.info(
                "event=alert_rules_loaded version={} file_rules={} console_rules={} effective={}",
                version,
                settings.fileRules().size(),
                console,
                effective.size());
        return true;
    }
}

package io.vocedge.gateway.registry;

import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.VocStore;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * The fleet registry as ingest consults it on every message: an in-memory view of the {@code devices} table,
 * refreshed on every change this gateway makes and periodically (other gateways may revoke a device), so the
 * hot path never waits for the database.
 */
public final class DeviceRegistry {
    private final VocStore store;
    private final boolean strict;
    private final Map<String, DeviceEntry> byId = new ConcurrentHashMap<>();

    public DeviceRegistry(VocStore store, boolean strict) {
        this.store = store;
        this.strict = strict;
    }

    public boolean strict() {
        return strict;
    }

    /** Reloads from the store; on failure keeps the last view (logged). */
    public void refresh() {
        try {
            Map<String, DeviceEntry> fresh = new ConcurrentHashMap<>();
            store.devices().forEach(d -> fresh.put(d.deviceId(), d));
            byId.keySet().retainAll(fresh.keySet());
            byId.putAll(fresh);
        } catch (SQLException e) {
            Logger.warn("event=registry_refresh_failed error=\"{}\"", e.getMessage());
        }
    }

    public Optional<DeviceEntry> find(String deviceId) {
        return Optional.ofNullable(byId.get(deviceId));
    }

    /** Remember a device registered by ingest (open mode) without a store round trip. */
    public void remember(DeviceEntry d) {
        byId.putIfAbsent(d.deviceId(), d);
    }

    public int size() {
        return byId.size();
    }
}

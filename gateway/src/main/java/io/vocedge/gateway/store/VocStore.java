package io.vocedge.gateway.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The VoC store: records once per {@code (device_id, seq)}, dead letters, the fleet registry. */
public interface VocStore extends AutoCloseable {
    /** Commits everything in one transaction; duplicates of stored records are ignored and counted. */
    CommitResult commit(StoreTransaction tx) throws SQLException;

    Optional<DeviceEntry> device(String deviceId) throws SQLException;

    List<DeviceEntry> devices() throws SQLException;

    /** Registers a device; fails with {@link DuplicateDeviceException} when the id or the (site, name) is taken. */
    void register(DeviceEntry device) throws SQLException, DuplicateDeviceException;

    /** Marks a device revoked; returns false if it is unknown. */
    boolean revoke(String deviceId) throws SQLException;

    /** True when the store answers. */
    boolean ping();

    @Override
    void close();

    /** The id or name is already registered. */
    final class DuplicateDeviceException extends Exception {
        public DuplicateDeviceException(String message) {
            super(message);
        }
    }
}

package io.vocedge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry rules provisioning relies on (issue 7), on a real SQLite store with the real migrations. */
class DeviceRegistrationTest {
    @TempDir
    Path dir;

    private static DeviceEntry device(String id, String site, String name) {
        return new DeviceEntry(
                id, site, name, "fp-" + id, DeviceEntry.REGISTERED, Instant.now(), null, null, false, null, null);
    }

    @Test
    void nameIsUniquePerSiteAmongRegisteredDevicesAndFreedByRevocation() throws Exception {
        try (JdbcVocStore store =
                JdbcVocStore.open(new StoreSettings("sqlite", dir.resolve("voc.db"), null, null, null, 1), "gw-test")) {
            store.register(device("dev-a", "s1", "desk 1"));
            assertThatThrownBy(() -> store.register(device("dev-b", "s1", "desk 1")))
                    .isInstanceOf(VocStore.DuplicateDeviceException.class)
                    .hasMessageContaining("already has a device named 'desk 1'");
            assertThatThrownBy(() -> store.register(device("dev-a", "s2", "other")))
                    .isInstanceOf(VocStore.DuplicateDeviceException.class)
                    .hasMessageContaining("already registered");
            store.register(device("dev-c", "s2", "desk 1"));

            // A replaced device: revoke the old one, enroll its successor under the same name.
            assertThat(store.revoke("dev-a")).isTrue();
            store.register(device("dev-b", "s1", "desk 1"));
            assertThat(store.devices())
                    .extracting(DeviceEntry::deviceId, DeviceEntry::state)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("dev-a", DeviceEntry.REVOKED),
                            org.assertj.core.groups.Tuple.tuple("dev-b", DeviceEntry.REGISTERED),
                            org.assertj.core.groups.Tuple.tuple("dev-c", DeviceEntry.REGISTERED));
            // The revoked id itself stays taken.
            assertThatThrownBy(() -> store.register(device("dev-a", "s9", "new")))
                    .isInstanceOf(VocStore.DuplicateDeviceException.class);
        }
    }
}

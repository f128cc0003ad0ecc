package io.vocedge.provisioning.enroll;

import java.time.Instant;
import java.util.Locale;

/**
 * The device agent's configuration ({@code device.yaml}) for one enrolled device, written as commented text so a
 * technician can read it. Keys and value forms follow the device agent (device/README.md, {@code DeviceConfig},
 * {@code AsrConfig}); {@code DeviceConfigTemplateTest} pins them. Every value put here is validated by
 * {@link DeviceSettings} (ids, URL, paths), so no quoting surprises are possible; paths are double-quoted anyway.
 */
public final class DeviceConfigTemplate {
    public static final String CA_FILE = "ca.pem";
    public static final String CERT_FILE = "device.pem";
    public static final String KEY_FILE = "device.key";
    public static final String CONFIG_FILE = "device.yaml";

    private DeviceConfigTemplate() {}

    public static String render(DeviceSettings s, Instant writtenAt) {
        return String.format(
                Locale.ROOT,
                """
                # VoC Edge device configuration: device %1$s, '%3$s' at site %2$s.
                # Written by 'voc-provision device enroll' at %4$s. Install as %5$s (see INSTALL.txt).
                device:
                  id: %1$s
                  site: %2$s
                data_dir: "%6$s"
                broker:
                  url: "%7$s"
                  ca_file: "%8$s"
                  cert_file: "%9$s"
                  key_file: "%10$s"            # must stay chmod 600, owned by the agent's user
                outbox:
                  max_bytes: 268435456           # 256 MiB; when full: telemetry first, summaries last
                  power_loss_safe: true          # fsync per commit: survives a power cut
                sync:
                  max_records_per_batch: 200
                  max_batch_bytes: 196608
                  max_in_flight_batches: 4
                  ack_timeout: 15s
                  reconnect_initial: 500ms
                  reconnect_max: 60s
                telemetry:
                  interval_s: 60
                %15$s\
                asr:
                  model: "%11$s"
                  lang: %12$s
                  pending_dir: "%13$s"
                  native_lib_dir: "%14$s"
                insights: {}                     # built-in lexicon; set lexicon_file to use your own
                %16$s\
                """,
                s.deviceId(),
                s.site(),
                s.name(),
                writtenAt,
                s.path(s.configDir(), CONFIG_FILE),
                s.dataDir(),
                s.brokerUrl(),
                s.path(s.configDir(), CA_FILE),
                s.path(s.configDir(), CERT_FILE),
                s.path(s.configDir(), KEY_FILE),
                s.modelDir(),
                s.lang(),
                s.path(s.dataDir(), "pending-audio"),
                s.nativeLibDir(),
                s.mic().yaml(s.micDevice()),
                s.mic().hardwareYaml());
    }
}

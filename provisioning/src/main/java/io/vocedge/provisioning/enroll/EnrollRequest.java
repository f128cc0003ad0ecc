package io.vocedge.provisioning.enroll;

import java.nio.file.Path;
import java.time.Duration;

/** One {@code device enroll}: where the device goes, what its config says, where the bundle is written. */
public record EnrollRequest(
        String site,
        String name,
        String brokerUrl,
        String configDir,
        String dataDir,
        String modelDir,
        String nativeLibDir,
        String lang,
        Path outDir,
        boolean tar,
        Duration validity,
        MicPreset mic,
        String micDevice) {

    /** A plain USB microphone. */
    public EnrollRequest(
            String site,
            String name,
            String brokerUrl,
            String configDir,
            String dataDir,
            String modelDir,
            String nativeLibDir,
            String lang,
            Path outDir,
            boolean tar,
            Duration validity) {
        this(
                site,
                name,
                brokerUrl,
                configDir,
                dataDir,
                modelDir,
                nativeLibDir,
                lang,
                outDir,
                tar,
                validity,
                MicPreset.USB_MIC,
                null);
    }

    public DeviceSettings settings(String deviceId) {
        return new DeviceSettings(
                deviceId, site, name, brokerUrl, configDir, dataDir, modelDir, nativeLibDir, lang, mic, micDevice);
    }

    /** Validates everything that does not need the id, before the CA passphrase is asked for. */
    public void validate() {
        settings("dev-check");
        if (validity.isNegative() || validity.isZero()) {
            throw new io.vocedge.provisioning.ProvisionException("--days must be at least 1");
        }
    }
}

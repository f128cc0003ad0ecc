package io.vocedge.provisioning.enroll;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.protocol.Ids;
import java.util.regex.Pattern;

/**
 * Everything that goes into a device's configuration besides its keys. Paths are where the files will be on
 * the Pi (absolute), not where the bundle is written.
 *
 * @param configDir where ca.pem, device.pem, device.key and device.yaml are installed (default /etc/voc)
 * @param dataDir the agent's data directory (outbox, pending audio)
 * @param modelDir the installed Vosk model ({@code model install --target})
 * @param nativeLibDir where libvosk.so goes on aarch64/armv7 ({@code native install --target})
 * @param lang transcript language (en, zh)
 */
public record DeviceSettings(
        String deviceId,
        String site,
        String name,
        String brokerUrl,
        String configDir,
        String dataDir,
        String modelDir,
        String nativeLibDir,
        String lang,
        MicPreset mic,
        String micDevice) {
    /** The device agent's own check (DeviceConfig): a TLS URL here, since devices always use mutual TLS. */
    public static final Pattern BROKER_URL = Pattern.compile("ssl://[^/\\s:]+:\\d{1,5}");

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("/[A-Za-z0-9._/-]*");

    /** A plain USB microphone. */
    public DeviceSettings(
            String deviceId,
            String site,
            String name,
            String brokerUrl,
            String configDir,
            String dataDir,
            String modelDir,
            String nativeLibDir,
            String lang) {
        this(
                deviceId,
                site,
                name,
                brokerUrl,
                configDir,
                dataDir,
                modelDir,
                nativeLibDir,
                lang,
                MicPreset.USB_MIC,
                null);
    }

    public DeviceSettings {
        Ids.require("device id", deviceId);
        if (mic == null) {
            throw new BadInputException("--mic is required: one of " + MicPreset.names());
        }
        if (micDevice != null && !micDevice.matches("[A-Za-z0-9][A-Za-z0-9 ._:#()-]{0,63}")) {
            throw new BadInputException(
                    "--mic-device '" + micDevice + "' must be 1-64 letters, digits, spaces or . _ : # ( ) -, "
                            + "e.g. part of a name from 'voc-device audio list'");
        }
        requireSite(site);
        requireName(name);
        requireBrokerUrl(brokerUrl);
        requirePath("--config-dir", configDir);
        requirePath("--data-dir", dataDir);
        requirePath("--model-dir", modelDir);
        requirePath("--native-lib-dir", nativeLibDir);
        if (lang == null || !lang.matches("[a-z]{2,3}")) {
            throw new BadInputException("--lang '" + lang + "' is not a language code: use en or zh");
        }
    }

    public static void requireSite(String site) {
        if (!Ids.isValid(site)) {
            throw new BadInputException("--site '" + site
                    + "' is not a valid site id: use 1-64 characters of a-z, 0-9, '-' or '_' " + "(e.g. store-berlin)");
        }
    }

    public static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException(
                    "--name '" + name + "' is not a valid device name: use 1-64 letters, digits, spaces, "
                            + "'.', '-' or '_', starting with a letter or digit (e.g. 'desk 1')");
        }
    }

    public static void requireBrokerUrl(String url) {
        if (url == null || !BROKER_URL.matcher(url).matches()) {
            throw new BadInputException("--broker-url '" + url + "' is not a TLS broker URL: use ssl://HOST:PORT "
                    + "(e.g. ssl://gateway.store.example:8883); devices always connect with their certificate");
        }
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        if (port < 1 || port > 65535) {
            throw new BadInputException("--broker-url '" + url + "': port " + port + " is outside 1-65535");
        }
    }

    private static void requirePath(String option, String p) {
        if (p == null || !ABSOLUTE_PATH.matcher(p).matches() || p.contains("..")) {
            throw new BadInputException(
                    option + " '" + p + "' must be an absolute path on the device of letters, digits, "
                            + "'.', '_', '-' and '/' (e.g. /etc/voc)");
        }
    }

    public String path(String dir, String file) {
        return dir.endsWith("/") ? dir + file : dir + "/" + file;
    }
}

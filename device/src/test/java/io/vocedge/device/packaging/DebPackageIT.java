package io.vocedge.device.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vocedge.device.asr.AsrConfig;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.hardware.HardwareConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package built by {@code ./mvnw -pl device package} (jdeb), checked with the real Debian tools:
 * control fields, file list and modes, conffiles, maintainer scripts ({@code sh -n} and run against a throwaway
 * root through {@code DPKG_ROOT} with stubbed user/systemd commands), the unit with {@code systemd-analyze verify},
 * the launcher running the packaged jar, and the sample configuration accepted by the agent's config loader.
 */
class DebPackageIT {
    private static final Path TARGET = Path.of("target");
    private static final String DEPENDS = "openjdk-21-jre-headless | java21-runtime-headless";

    @TempDir
    static Path extracted;

    @TempDir
    Path tmp;

    private static Path deb;
    private static Path data;
    private static Path control;

    @BeforeAll
    static void extract() throws Exception {
        assumeTrue(
                onPath("dpkg-deb"), "dpkg-deb not installed (apt-get install dpkg): the .deb cannot be checked here");
        try (Stream<Path> s = Files.list(TARGET)) {
            // The newest one: an older version's package may still lie in target/ after a version change.
            List<Path> debs = s.filter(p -> p.getFileName().toString().matches("voc-device_.*_all\\.deb"))
                    .sorted(Comparator.comparing((Path p) -> p.toFile().lastModified())
                            .reversed())
                    .toList();
            assertThat(debs)
                    .as("a voc-device_*_all.deb in device/target (run ./mvnw -pl device -am package)")
                    .isNotEmpty();
            deb = debs.get(0);
        }
        data = extracted.resolve("root");
        control = extracted.resolve("DEBIAN");
        run(Map.of(), "dpkg-deb", "-x", deb.toString(), data.toString()).assertOk();
        run(Map.of(), "dpkg-deb", "-e", deb.toString(), control.toString()).assertOk();
    }

    @Test
    void controlFieldsNameTheRuntimeAndArchitecture() throws Exception {
        Map<String, String> f = new HashMap<>();
        for (String field : List.of("Package", "Architecture", "Depends", "Version", "Recommends", "Maintainer")) {
            f.put(
                    field,
                    run(Map.of(), "dpkg-deb", "--field", deb.toString(), field)
                            .assertOk()
                            .trim());
        }
        assertThat(f.get("Package")).isEqualTo("voc-device");
        assertThat(f.get("Architecture")).isEqualTo("all");
        assertThat(f.get("Depends")).contains(DEPENDS).contains("adduser");
        assertThat(f.get("Version")).matches("[0-9][0-9A-Za-z.+~-]*");
        assertThat(f.get("Recommends")).isNotBlank();
        assertThat(run(Map.of(), "dpkg-deb", "--info", deb.toString()).assertOk())
                .contains("postinst")
                .contains("prerm")
                .contains("postrm")
                .contains("conffiles");
        assertThat(Files.readAllLines(control.resolve("conffiles")))
                .containsExactlyInAnyOrder("/etc/voc/device.yaml", "/etc/default/voc-device");
    }

    @Test
    void filesHaveTheirModesAndOwners() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : run(Map.of(), "dpkg-deb", "--contents", deb.toString())
                .assertOk()
                .split("\n")) {
            // drwxr-x--- root/root         0 2026-11-22 00:00 ./etc/voc/
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 6) {
                String path = cols[5].replaceFirst("^\\.", "").replaceFirst("(.)/$", "$1");
                entries.put(path, cols[0] + " " + cols[1]);
            }
        }
        assertThat(entries)
                .containsEntry("/usr/share/voc-device/voc-device.jar", "-rw-r--r-- root/root")
                .containsEntry("/usr/bin/voc-device", "-rwxr-xr-x root/root")
                .containsEntry("/usr/lib/systemd/system/voc-device.service", "-rw-r--r-- root/root")
                .containsEntry("/etc/voc", "drwxr-x--- root/root")
                .containsEntry("/etc/voc/device.yaml", "-rw-r----- root/root")
                .containsEntry("/etc/default/voc-device", "-rw-r--r-- root/root");
        // The outbox directory is not in the package: dpkg must never own (or replace, or remove) /var/lib/voc.
        assertThat(entries.keySet()).noneMatch(p -> p.startsWith("/var"));
        assertThat(Files.size(data.resolve("usr/share/voc-device/voc-device.jar")))
                .isGreaterThan(1_000_000);
        // Maintainer scripts are executable in the control archive.
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(Files.getPosixFilePermissions(control.resolve(script)))
                    .as(script)
                    .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        }
    }

    @Test
    void maintainerScriptsAndLauncherAreValidShell() throws Exception {
        for (Path script : List.of(
                control.resolve("postinst"),
                control.resolve("prerm"),
                control.resolve("postrm"),
                data.resolve("usr/bin/voc-device"))) {
            run(Map.of(), "sh", "-n", script.toString()).assertOk();
            assertThat(Files.readAllLines(script).get(0)).as(script.toString()).isEqualTo("#!/bin/sh");
        }
        if (onPath("shellcheck")) {
            for (String s : List.of("postinst", "prerm", "postrm")) {
                run(Map.of(), "shellcheck", "-s", "sh", control.resolve(s).toString())
                        .assertOk();
            }
        }
    }

    @Test
    void unitHasTheProductionSettings() throws Exception {
        String unit = Files.readString(data.resolve("usr/lib/systemd/system/voc-device.service"));
        List<String> settings =
                unit.lines().filter(l -> !l.startsWith("#") && l.contains("=")).toList();
        assertThat(settings)
                .contains(
                        "User=voc",
                        "Restart=on-failure",
                        "NoNewPrivileges=yes",
                        "ProtectSystem=strict",
                        "ReadWritePaths=/var/lib/voc",
                        "ProtectHome=yes",
                        "PrivateTmp=yes",
                        "ProtectKernelTunables=yes",
                        "ProtectControlGroups=yes",
                        "LockPersonality=yes",
                        "StateDirectory=voc",
                        "ConfigurationDirectory=voc",
                        "SupplementaryGroups=audio gpio spi",
                        "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK",
                        "DeviceAllow=char-alsa rw",
                        "DeviceAllow=char-gpiochip rw",
                        "DeviceAllow=char-spi rw",
                        "DeviceAllow=/dev/gpiomem rw",
                        "StandardError=journal",
                        "Environment=VOC_SOURCE=mic",
                        "ExecStart=/usr/bin/voc-device run --config /etc/voc/device.yaml --source ${VOC_SOURCE} $VOC_RUN_ARGS");
        // The JIT writes and executes code: MemoryDenyWriteExecute would kill the JVM; PrivateDevices hides /dev/snd.
        assertThat(settings).noneMatch(l -> l.startsWith("MemoryDenyWriteExecute") || l.startsWith("PrivateDevices"));
        // The agent works offline: waiting for network-online.target would hold the boot without a network.
        assertThat(settings).noneMatch(l -> l.contains("network-online.target"));
        assertThat(settings)
                .anyMatch(l -> l.startsWith("Environment=\"VOC_JVM_OPTS=")
                        && l.contains("-Xmx64m")
                        && l.contains("-XX:+UseSerialGC"));
        int stop = Integer.parseInt(settings.stream()
                .filter(l -> l.startsWith("TimeoutStopSec="))
                .findFirst()
                .orElseThrow()
                .substring("TimeoutStopSec=".length()));
        assertThat(stop)
                .as("room for the SIGTERM drain (input 11 s + recogniser 30 s + sync 10 s + outbox 30 s + light 1 s)")
                .isGreaterThanOrEqualTo(82);
    }

    @Test
    void unitPassesSystemdAnalyzeVerify() throws Exception {
        assumeTrue(
                onPath("systemd-analyze"),
                "systemd-analyze not installed: 'systemd-analyze verify' of "
                        + "voc-device.service skipped (the unit's settings are still checked by unitHasTheProductionSettings)");
        // verify checks that ExecStart's program exists on this machine: point it at the extracted launcher.
        Path unitDir = Files.createDirectories(tmp.resolve("units"));
        String unit = Files.readString(data.resolve("usr/lib/systemd/system/voc-device.service"))
                .replace(
                        "ExecStart=/usr/bin/voc-device",
                        "ExecStart=" + data.resolve("usr/bin/voc-device").toAbsolutePath());
        Path file = unitDir.resolve("voc-device.service");
        Files.writeString(file, unit);
        Result r = run(Map.of("SYSTEMD_LOG_LEVEL", "notice"), "systemd-analyze", "verify", file.toString());
        // verify exits 0 on unknown keys and bad values too, printing them: any output is a failure.
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output.strip()).as("systemd-analyze verify output").isEmpty();
    }

    @Test
    void launcherRunsThePackagedJarWithJava21OrNewer() throws Exception {
        Path javaHome = buildJdk();
        Map<String, String> env = new HashMap<>();
        env.put(
                "VOC_DEVICE_JAR",
                data.resolve("usr/share/voc-device/voc-device.jar")
                        .toAbsolutePath()
                        .toString());
        env.put("JAVA_HOME", javaHome.toString());
        env.put("VOC_JVM_OPTS", productionJvmOpts());
        String out = run(env, data.resolve("usr/bin/voc-device").toString(), "--version")
                .assertOk();
        assertThat(out.strip()).as("version from the jar manifest").matches("voc-device [0-9].*");
        // Without JAVA_HOME it finds the newest Java >= 21 by itself (under /usr/lib/jvm or on PATH).
        env.remove("JAVA_HOME");
        env.put("VOC_JVM_ROOT", javaHome.getParent().toString());
        assertThat(run(env, data.resolve("usr/bin/voc-device").toString(), "--version")
                        .assertOk())
                .startsWith("voc-device ");
    }

    @Test
    void launcherRefusesJava17WithTheFix() throws Exception {
        // A fake Java 17 as JAVA_HOME and on PATH, no /usr/lib/jvm candidates: the launcher must say what to install.
        Path home = Files.createDirectories(tmp.resolve("jdk17/bin"));
        Files.writeString(tmp.resolve("jdk17/release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = home.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.15\" 2025-04-15' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", tmp.resolve("jdk17").toString());
        env.put("PATH", home + ":/usr/bin:/bin");
        env.put(
                "VOC_JVM_ROOT",
                Files.createDirectories(tmp.resolve("empty-jvm")).toString());
        env.put(
                "VOC_DEVICE_JAR",
                data.resolve("usr/share/voc-device/voc-device.jar")
                        .toAbsolutePath()
                        .toString());
        Result r = run(env, data.resolve("usr/bin/voc-device").toString(), "--version");
        // The fake java comes first on PATH, so 'java' is 17 whatever this machine has.
        assertThat(r.exit).as(r.output).isEqualTo(1);
        assertThat(r.output).contains("no Java >= 21 found").contains("openjdk-21-jre-headless");
    }

    @Test
    void sampleConfigIsAcceptedByTheAgent() throws Exception {
        // The packaged sample points at /etc/voc/{ca.pem,device.pem,device.key}; put stand-ins in a temp dir.
        Path etc = Files.createDirectories(tmp.resolve("etc-voc"));
        for (String f : List.of("ca.pem", "device.pem", "device.key")) {
            Files.writeString(etc.resolve(f), "stand-in\n");
        }
        Files.setPosixFilePermissions(etc.resolve("device.key"), PosixFilePermissions.fromString("rw-------"));
        String yaml = Files.readString(data.resolve("etc/voc/device.yaml")).replace("/etc/voc/", etc + "/");
        Path cfgFile = tmp.resolve("device.yaml");
        Files.writeString(cfgFile, yaml);
        DeviceConfig cfg = DeviceConfig.load(cfgFile);
        assertThat(cfg.dataDir()).isEqualTo(Path.of("/var/lib/voc"));
        assertThat(cfg.brokerUrl()).startsWith("ssl://");
        assertThat(cfg.tls().keyFile()).isEqualTo(etc.resolve("device.key"));
        assertThat(cfg.outbox().powerLossSafe()).isTrue();
        // Every section is read strictly by load: hardware defaults, a model path.
        HardwareConfig hw = cfg.hardware();
        assertThat(hw.button().pin()).isEqualTo(17);
        assertThat(hw.led().pin()).isEqualTo(27);
        AsrConfig asr = cfg.asr().orElseThrow();
        assertThat(asr.model()).isEqualTo(Path.of("/opt/voc/model"));
        assertThat(asr.pendingDir()).isEqualTo(Path.of("/var/lib/voc/pending-audio"));
    }

    @Test
    void maintainerScriptsSetPermissionsKeepTheOutboxOnRemoveAndDeleteOnPurge() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path stubs = stubCommands(tmp.resolve("stubs"));
        Path log = tmp.resolve("calls.log");
        Files.createDirectories(root.resolve("run/systemd/system")); // "systemd runs in this root"
        Path etc = Files.createDirectories(root.resolve("etc/voc"));
        Files.writeString(etc.resolve("device.yaml"), "device: {id: desk-01}\n");
        Files.writeString(etc.resolve("device.key"), "key\n");
        Files.setPosixFilePermissions(etc.resolve("device.key"), PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> env = new HashMap<>();
        env.put("DPKG_ROOT", root.toString());
        env.put("PATH", stubs + ":/usr/bin:/bin");
        env.put("STUB_LOG", log.toString());

        // First install: the user is created, directories and files get their modes, nothing is restarted.
        env.put("STUB_VOC_EXISTS", "no");
        String out = run(env, control.resolve("postinst").toString(), "configure", "")
                .assertOk();
        assertThat(out).contains("systemctl enable --now voc-device");
        String calls = Files.readString(log);
        assertThat(calls)
                .contains("adduser --system --group --home /var/lib/voc")
                .contains("chown voc:voc " + root.resolve("var/lib/voc"))
                .contains("chown voc:voc " + etc.resolve("device.key"))
                .contains("chown root:voc " + etc)
                .contains("systemctl daemon-reload")
                .doesNotContain("try-restart");
        assertThat(mode(root.resolve("var/lib/voc"))).isEqualTo("rwxr-x---");
        assertThat(mode(etc)).isEqualTo("rwxr-x---");
        assertThat(mode(etc.resolve("device.yaml"))).isEqualTo("rw-r-----");
        assertThat(mode(etc.resolve("device.key"))).isEqualTo("rw-------");

        // Upgrade: the outbox is left exactly as it was and a running service is restarted (SIGTERM drain first).
        Path outbox = root.resolve("var/lib/voc/outbox.db");
        Files.writeString(outbox, "unsynced records");
        Files.writeString(log, "");
        env.put("STUB_VOC_EXISTS", "yes");
        run(env, control.resolve("prerm").toString(), "upgrade", "0.2.0").assertOk();
        run(env, control.resolve("postrm").toString(), "upgrade", "0.2.0").assertOk();
        run(env, control.resolve("postinst").toString(), "configure", "0.1.0").assertOk();
        assertThat(Files.readString(log))
                .doesNotContain("adduser --system")
                .contains("systemctl try-restart voc-device.service")
                .doesNotContain("stop voc-device");
        assertThat(Files.readString(outbox)).isEqualTo("unsynced records");

        // Remove: service stopped and disabled, outbox and keys kept.
        Files.writeString(log, "");
        run(env, control.resolve("prerm").toString(), "remove").assertOk();
        run(env, control.resolve("postrm").toString(), "remove").assertOk();
        assertThat(Files.readString(log))
                .contains("systemctl stop voc-device.service")
                .contains("disable voc-device.service");
        assertThat(outbox).exists();
        assertThat(etc.resolve("device.key")).exists();

        // Purge: data and configuration go.
        Result purge = run(env, control.resolve("postrm").toString(), "purge");
        purge.assertOk();
        assertThat(purge.output).contains("records not yet synced are lost");
        assertThat(root.resolve("var/lib/voc")).doesNotExist();
        assertThat(etc).doesNotExist();
    }

    @Test
    void dpkgInstallsUpgradesRemovesAndPurgesInAThrowawayRoot() throws Exception {
        assumeTrue(onPath("dpkg"), "dpkg not installed: install/remove/purge into a throwaway root skipped");
        assumeTrue(
                "0".equals(run(Map.of(), "id", "-u").output.strip()),
                "not root: dpkg cannot give the unpacked files root ownership; install/remove/purge skipped");
        // A real dpkg database in a temp root; maintainer scripts run outside a chroot with DPKG_ROOT set (dpkg
        // sets it) and with the commands that would change this machine's users or services stubbed.
        Path root = tmp.resolve("dpkg-root");
        for (String d : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("var/lib/dpkg/status"), "");
        Files.writeString(root.resolve("var/lib/dpkg/available"), "");
        Path log = tmp.resolve("dpkg-calls.log");
        Map<String, String> env = new HashMap<>();
        env.put(
                "PATH",
                stubCommands(tmp.resolve("dpkg-stubs")) + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")
                        + ":/usr/sbin:/sbin");
        env.put("STUB_LOG", log.toString());
        env.put("STUB_VOC_EXISTS", "no");
        List<String> dpkg =
                List.of("dpkg", "--root=" + root, "--force-script-chrootless", "--force-depends", "--log=/dev/null");

        run(env, concat(dpkg, "-i", deb.toString())).assertOk();
        assertThat(Files.readString(log)).contains("adduser --system --group --home /var/lib/voc");
        assertThat(run(env, concat(dpkg, "--status", "voc-device")).assertOk())
                .contains("Status: install ok installed");
        assertThat(root.resolve("usr/bin/voc-device")).isExecutable();
        assertThat(mode(root.resolve("var/lib/voc"))).isEqualTo("rwxr-x---");

        // The outbox with unsynced records survives a reinstall/upgrade and a remove; purge deletes it and the config.
        Path outbox = root.resolve("var/lib/voc/outbox.db");
        Files.writeString(outbox, "unsynced records");
        run(env, concat(dpkg, "-i", deb.toString())).assertOk();
        assertThat(Files.readString(outbox)).isEqualTo("unsynced records");
        run(env, concat(dpkg, "-r", "voc-device")).assertOk();
        assertThat(root.resolve("usr/share/voc-device/voc-device.jar")).doesNotExist();
        assertThat(outbox).exists();
        assertThat(root.resolve("etc/voc/device.yaml"))
                .as("conffile kept on remove")
                .exists();
        run(env, concat(dpkg, "-P", "voc-device")).assertOk();
        assertThat(root.resolve("var/lib/voc")).doesNotExist();
        assertThat(root.resolve("etc/voc")).doesNotExist();
        assertThat(root.resolve("etc/default/voc-device")).doesNotExist();
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    /** Stand-ins for the commands that would change this machine's users or services; each logs its arguments. */
    private static Path stubCommands(Path dir) throws IOException {
        Files.createDirectories(dir);
        String logIt = "#!/bin/sh\necho \"$(basename \"$0\") $*\" >> \"$STUB_LOG\"\n";
        for (String cmd : List.of("adduser", "addgroup", "chown", "systemctl", "deluser")) {
            Path p = dir.resolve(cmd);
            Files.writeString(p, logIt);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // getent: 'passwd voc' / 'group voc' answer as STUB_VOC_EXISTS says; audio, gpio and spi exist.
        Path getent = dir.resolve("getent");
        Files.writeString(getent, """
                #!/bin/sh
                echo "getent $*" >> "$STUB_LOG"
                case "$2" in
                  voc) [ "$STUB_VOC_EXISTS" = yes ] ;;
                  audio|gpio|spi) exit 0 ;;
                  *) exit 2 ;;
                esac
                """);
        Files.setPosixFilePermissions(getent, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** The flags from the packaged unit's Environment="VOC_JVM_OPTS=..." line. */
    private static String productionJvmOpts() throws IOException {
        return Files.readAllLines(data.resolve("usr/lib/systemd/system/voc-device.service")).stream()
                .filter(l -> l.startsWith("Environment=\"VOC_JVM_OPTS="))
                .map(l -> l.substring("Environment=\"VOC_JVM_OPTS=".length(), l.length() - 1))
                .findFirst()
                .orElseThrow();
    }

    /** The JDK bin/find-jdk.sh picks for the build (the launcher must work with it), else the one running this test. */
    private static Path buildJdk() throws Exception {
        Path finder = Path.of("..", "bin", "find-jdk.sh").toAbsolutePath().normalize();
        if (Files.exists(finder)) {
            Result r = run(Map.of(), "sh", "-c", ". '" + finder + "' && echo \"$JAVA_HOME\"");
            if (r.exit == 0 && !r.output.isBlank()) {
                String[] lines = r.output.strip().split("\n");
                return Path.of(lines[lines.length - 1].strip());
            }
        }
        return Path.of(System.getProperty("java.home"));
    }

    private static boolean onPath(String cmd) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, cmd))) {
                return true;
            }
        }
        return false;
    }

    private record Result(int exit, String output, String command) {
        String assertOk() {
            assertThat(exit).as("%s exited %d:%n%s", command, exit, output).isZero();
            return output;
        }
    }

    private static Result run(Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within 2 minutes");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), String.join(" ", cmd));
    }
}

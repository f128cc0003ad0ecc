package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs tell the truth about the programs:
 * <ul>
 *   <li>every {@code voc-device}, {@code voc-gateway} and {@code voc-provision} command line in the Markdown docs
 *       (code blocks, code spans, and the command tables of the module READMEs) names subcommands and options the
 *       real programs have;</li>
 *   <li>every block marked {@code <!-- doc-test -->} runs here, line by line, through the launchers in {@code bin/},
 *       in a fresh directory per doc, with the exit code it promises ({@code # exit N}, else 0); a {@code --json}
 *       line prints JSON whatever its exit code;</li>
 *   <li>the enrolment bundle's INSTALL.txt names only programs that Raspberry Pi OS or our two packages install,
 *       its voc-* lines pass the same check, and its {@code voc-provision model install} line runs with the
 *       PACKAGED launcher and jar (extracted from the .deb) into a target whose parents do not exist yet.</li>
 * </ul>
 * What cannot run here (apt, systemctl, sudo, a microphone, a Pi) is checked as text, not run.
 */
class DocCommandsIT {
    private static final String PASSPHRASE = "doc test passphrase, long enough";

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    static Path repo() {
        return Path.of(System.getProperty("voc.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    record Result(int code, String out, String err) {}

    private static Result sh(Path cwd, Map<String, String> env, String line) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(cwd.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile(cwd.getParent(), "out", ".txt");
        Path err = Files.createTempFile(cwd.getParent(), "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 300 s: " + line);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Map<String, String> env(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", repo().resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("VOC_CA_PASSPHRASE", PASSPHRASE);
        return env;
    }

    @Test
    void everyDocumentedCommandLineNamesRealSubcommandsAndOptions() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path doc : MarkdownCommands.docs(repo())) {
            for (MarkdownCommands.Snippet s : MarkdownCommands.snippets(doc)) {
                List<String[]> calls = new ArrayList<>(CommandLineCheck.invocations(s.text()));
                String tableProgram =
                        s.firstTableCellOf() == null ? null : CommandLineCheck.TABLE_PROGRAM.get(s.firstTableCellOf());
                if (calls.isEmpty() && tableProgram != null) {
                    String first = CommandLineCheck.tokens(s.text()).stream()
                            .findFirst()
                            .orElse("");
                    if (CommandLineCheck.tree(tableProgram).getSubcommands().containsKey(first)) {
                        calls.add(new String[] {tableProgram, s.text()});
                    }
                }
                for (String[] call : calls) {
                    checked++;
                    Optional<String> p = CommandLineCheck.problem(call[0], call[1]);
                    p.ifPresent(msg -> problems.add(
                            repo().relativize(s.file()) + ":" + s.line() + ": " + msg + "\n    in: " + s.text()));
                }
                if (s.text().matches(".*\\bjava\\s+(-\\S+\\s+)*-jar\\s+\\S+.*")) {
                    problems.add(repo().relativize(s.file()) + ":" + s.line()
                            + ": 'java -jar' in a doc: use the launchers in bin/"
                            + " (Debian 12's java is 17)\n    in: " + s.text());
                }
            }
        }
        assertThat(checked).as("documented command lines found").isGreaterThan(60);
        assertThat(problems)
                .as("documented command lines the programs do not accept")
                .isEmpty();
    }

    @Test
    void runnableDocBlocksRunThroughTheLaunchersWithTheirExitCodes() throws Exception {
        int ran = 0;
        List<String> failures = new ArrayList<>();
        for (Path doc : MarkdownCommands.docs(repo())) {
            List<MarkdownCommands.Snippet> runnable = MarkdownCommands.snippets(doc).stream()
                    .filter(MarkdownCommands.Snippet::runnable)
                    .filter(s -> !s.text().startsWith("#"))
                    .toList();
            if (runnable.isEmpty()) {
                continue;
            }
            Path work = Files.createDirectories(
                    tmp.resolve(repo().relativize(doc).toString().replace('/', '_'))
                            .resolve("work"));
            // The repository's programs and files, read-only in spirit: bin/ for the launchers, sample inputs.
            for (String link : List.of("bin", "gateway", "demo")) {
                Files.createSymbolicLink(work.resolve(link), repo().resolve(link));
            }
            for (MarkdownCommands.Snippet s : runnable) {
                ran++;
                Result r = sh(work, env(work), s.text());
                if (r.code() != s.expectedExit()) {
                    failures.add(repo().relativize(s.file()) + ":" + s.line() + ": exit " + r.code() + ", expected "
                            + s.expectedExit() + "\n    $ " + s.text() + "\n    stdout: "
                            + r.out().strip() + "\n    stderr: " + tail(r.err()));
                    continue;
                }
                if (s.text().contains("--json") && !isJsonOrJsonLines(r.out(), r.code() != 0)) {
                    failures.add(s.where() + ": --json printed something that is not JSON: " + r.out());
                }
                if (s.expectedExit() != 0) {
                    assertThat(r.err()
                                    .strip()
                                    .lines()
                                    .filter(l -> l.startsWith("error: "))
                                    .count())
                            .as("%s: one error line%n%s", s.where(), r.err())
                            .isEqualTo(1);
                }
            }
        }
        assertThat(ran).as("runnable doc lines").isGreaterThanOrEqualTo(10);
        assertThat(failures).isEmpty();
        // The mistyped data dirs of the docs were refused, not created.
        try (Stream<Path> s = Files.walk(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().equals("gatewya")
                            || p.getFileName().toString().equals("no-such-gateway")))
                    .isEmpty();
        }
    }

    /** One JSON document, or JSON lines; an error (exit != 0) must print at least one. */
    private boolean isJsonOrJsonLines(String out, boolean mustHaveOne) {
        String o = out.strip();
        if (o.isEmpty()) {
            return !mustHaveOne;
        }
        try {
            json.readTree(o);
            return true;
        } catch (IOException whole) {
            for (String l : o.lines().toList()) {
                try {
                    json.readTree(l);
                } catch (IOException e) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String tail(String s) {
        List<String> lines =
                s.strip().lines().filter(l -> !l.startsWith("WARNING")).toList();
        return String.join("\n            ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }

    @Test
    void installTxtNamesOnlyWhatThePiHasAndItsModelInstallWorksOnAFreshPi() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("office"));
        Map<String, String> env = env(work);
        Path fresh = tmp.resolve("pi");
        assertThat(sh(work, env, "voc-provision ca init --dir ca").code()).isZero();
        Result enroll = sh(
                work,
                env,
                "voc-provision device enroll --ca ca --site store-1 --name 'desk 1' --broker-url"
                        + " ssl://gw.example:8883 --out bundles --config-dir " + fresh.resolve("etc/voc")
                        + " --model-dir "
                        + fresh.resolve("opt/voc/model") + " --native-lib-dir " + fresh.resolve("opt/voc/lib"));
        assertThat(enroll.code()).as(enroll.err()).isZero();
        Path bundle;
        try (Stream<Path> s = Files.list(work.resolve("bundles"))) {
            bundle = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String install = Files.readString(bundle.resolve("INSTALL.txt"));
        assertThat(install)
                .doesNotContain("java -jar")
                .contains("voc-device selftest")
                .contains("voc-provision model install");

        // Commands are the indented lines; each part of a && chain is one program.
        List<String> commands = install.lines()
                .filter(l -> l.startsWith("     ") && !l.strip().startsWith("("))
                .map(String::strip)
                .toList();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
        List<String> onThePi = List.of("apt", "install", "systemctl", "cd", "rm", "voc-device", "voc-provision");
        for (String c : commands) {
            for (String part : c.split("&&")) {
                String program =
                        part.strip().replaceFirst("^sudo (-u \\S+ )?", "").split("\\s+")[0];
                assertThat(onThePi)
                        .as("INSTALL.txt runs '%s' on the Pi: %s", program, c)
                        .contains(program);
            }
            for (String[] call : CommandLineCheck.invocations(c)) {
                assertThat(CommandLineCheck.problem(call[0], call[1])).as(c).isEmpty();
            }
        }
        assertThat(debContents(repo().resolve("device/target"), "voc-device_")).contains("./usr/bin/voc-device");
        assertThat(debContents(repo().resolve("provisioning/target"), "voc-provision_"))
                .contains("./usr/bin/voc-provision");

        // The model install line, as written, with the packaged launcher and jar, on a "Pi" without /opt/voc.
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        Path deb = newest(repo().resolve("provisioning/target"), "voc-provision_");
        assertThat(sh(tmp, Map.of(), "dpkg-deb -x " + deb + " " + pkg).code()).isZero();
        Path zip = modelZip(tmp.resolve("vosk-model-small-en-us-0.15.zip"));
        String line = commands.stream()
                .filter(c -> c.contains("voc-provision model install"))
                .findFirst()
                .orElseThrow()
                .replaceFirst("^sudo ", "")
                .replace("--archive vosk-model-small-en-us-0.15.zip", "--archive " + zip)
                .replace("--sha256 HEX", "--sha256 " + sha256(zip));
        Map<String, String> pi = new LinkedHashMap<>();
        pi.put("PATH", pkg.resolve("usr/bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pi.put(
                "VOC_PROVISION_JAR",
                pkg.resolve("usr/share/voc-provision/voc-provision.jar").toString());
        if (System.getenv("JAVA_HOME") != null) {
            pi.put("VOC_JAVA", System.getenv("JAVA_HOME") + "/bin/java");
        }
        assertThat(fresh.resolve("opt")).doesNotExist();
        Result model = sh(tmp, pi, line);
        assertThat(model.code()).as("%s%n%s", line, model.err()).isZero();
        assertThat(fresh.resolve("opt/voc/model/am/final.mdl")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("opt/voc"))))
                .isEqualTo("rwxr-xr-x");
    }

    private static Path newest(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.toString().endsWith(".deb"))
                    .max(java.util.Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() ->
                            new AssertionError("no " + prefix + "*.deb in " + dir + ": build with ./mvnw package"));
        }
    }

    private String debContents(Path dir, String prefix) throws Exception {
        Result r = sh(tmp, Map.of(), "dpkg-deb -c " + newest(dir, prefix));
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    /** A small archive with the layout of vosk-model-small-*: what the installer checks (not a working model). */
    private static Path modelZip(Path file) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String f : List.of(
                    "am/final.mdl",
                    "conf/mfcc.conf",
                    "conf/model.conf",
                    "graph/Gr.fst",
                    "graph/HCLr.fst",
                    "graph/disambig_tid.int")) {
                z.putNextEntry(new ZipEntry("vosk-model-small-en-us-0.15/" + f));
                z.write(("doc test " + f).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

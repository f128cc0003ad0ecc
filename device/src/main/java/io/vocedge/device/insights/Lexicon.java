package io.vocedge.device.insights;

import io.vocedge.protocol.lexicon.LexiconDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A deployment-editable lexicon (YAML, see {@code lexicon-default.yaml}): terms per topic and language,
 * sentiment terms, negators, intensifiers with weights, contrast words, question and polite markers, and a
 * version that every record carries. Parsed and validated here; {@link CompiledLexicon} makes it fast.
 */
public record Lexicon(
        String version,
        Map<String, Map<String, List<String>>> topics,
        Map<String, List<String>> positive,
        Map<String, List<String>> negative,
        Map<String, List<String>> negators,
        Map<String, Map<String, Double>> intensifiers,
        Map<String, List<String>> contrast,
        Map<String, List<String>> question,
        Map<String, List<String>> polite) {

    public static final List<String> LANGS = List.of("zh", "en");

    public static Lexicon loadDefault() {
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon-default.yaml")) {
            if (in == null) {
                throw new IllegalStateException("lexicon-default.yaml missing from the device jar");
            }
            return parse(in.readAllBytes(), "built-in default lexicon");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in lexicon", e);
        }
    }

    /** A lexicon file configured on this device (bounded read, see {@link LexiconDocument#readFile}). */
    public static Lexicon load(Path file) throws IOException {
        return parse(LexiconDocument.readFile(file), file.toString());
    }

    /** Parses YAML with the shared {@link LexiconDocument} rules; throws {@link IllegalArgumentException} naming every problem. */
    public static Lexicon parse(byte[] yaml, String source) {
        LexiconDocument d = LexiconDocument.parse(yaml, source);
        return new Lexicon(
                d.version(),
                d.topics(),
                d.positive(),
                d.negative(),
                d.negators(),
                d.intensifiers(),
                d.contrast(),
                d.question(),
                d.polite());
    }

    static String norm(String s) {
        return LexiconDocument.norm(s);
    }

    /** Orders versions by their numeric parts ("2026.11.10" after "2026.11.9"). */
    public static int compareVersions(String a, String b) {
        return LexiconDocument.compareVersions(a, b);
    }
}

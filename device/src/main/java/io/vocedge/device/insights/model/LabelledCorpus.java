package io.vocedge.device.insights.model;

import io.vocedge.protocol.Taxonomy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads labelled utterances: a directory of TSV files (every {@code *.tsv}, in file-name order) or one file, with the
 * header {@code id lang style role domain topics sentiment flags text} (topics and flags comma-separated, {@code -} for
 * none). Every problem is reported at once with file and line; unknown topic, flag or sentiment ids are refused.
 * {@link #sha256} identifies exactly what was read (file names and bytes), for the model file.
 */
public final class LabelledCorpus {
    static final String HEADER = "id\tlang\tstyle\trole\tdomain\ttopics\tsentiment\tflags\ttext";

    private final List<Example> examples;
    private final List<Path> files;
    private final java.util.Map<String, String> fileOfId;

    private LabelledCorpus(List<Example> examples, List<Path> files, java.util.Map<String, String> fileOfId) {
        this.examples = List.copyOf(examples);
        this.files = List.copyOf(files);
        this.fileOfId = java.util.Map.copyOf(fileOfId);
    }

    /** The file name (no directory) each example id was read from, for grouping lines by author. */
    public java.util.Map<String, String> fileOfId() {
        return fileOfId;
    }

    public List<Example> examples() {
        return examples;
    }

    public List<Path> files() {
        return files;
    }

    public static LabelledCorpus read(Path dirOrFile) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dirOrFile)) {
            try (Stream<Path> s = Files.list(dirOrFile)) {
                s.filter(p -> p.getFileName().toString().endsWith(".tsv"))
                        .sorted()
                        .forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException(
                        dirOrFile + " has no *.tsv files (expected the labelled corpus: header '"
                                + HEADER.replace('\t', ' ') + "')");
            }
        } else if (Files.isRegularFile(dirOrFile)) {
            files.add(dirOrFile);
        } else {
            throw new IllegalArgumentException(dirOrFile + " does not exist (give a corpus directory or TSV file)");
        }
        List<Example> out = new ArrayList<>();
        java.util.Map<String, String> fileOfId = new java.util.HashMap<>();
        List<String> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
                errors.add(f + " line 1: header must be '" + HEADER.replace('\t', ' ') + "' (tab-separated)");
                continue;
            }
            for (int n = 1; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank()) {
                    continue;
                }
                String where = f.getFileName() + " line " + (n + 1);
                String[] c = line.split("\t", -1);
                if (c.length != 9) {
                    errors.add(where + ": " + c.length + " columns, expected 9");
                    continue;
                }
                if (!ids.add(c[0])) {
                    errors.add(where + ": id " + c[0] + " used twice");
                }
                Example e = parse(c, where, errors);
                if (e != null) {
                    out.add(e);
                    fileOfId.put(e.id(), f.getFileName().toString());
                }
            }
        }
        if (!errors.isEmpty()) {
            int shown = Math.min(errors.size(), 30);
            throw new IllegalArgumentException("corpus " + dirOrFile + " has " + errors.size() + " problem(s):\n  - "
                    + String.join("\n  - ", errors.subList(0, shown)) + (shown < errors.size() ? "\n  ..." : ""));
        }
        return new LabelledCorpus(out, files, fileOfId);
    }

    private static Example parse(String[] c, String where, List<String> errors) {
        int before = errors.size();
        if (!c[1].equals("zh") && !c[1].equals("en")) {
            errors.add(where + ": lang '" + c[1] + "' (use zh or en)");
        }
        if (!Taxonomy.SENTIMENTS.contains(c[6])) {
            errors.add(where + ": sentiment '" + c[6] + "' (use negative, neutral or positive)");
        }
        Set<String> topics = ids(c[5], Taxonomy.TOPICS, "topic", where, errors);
        Set<String> flags = ids(c[7], Taxonomy.FLAGS, "flag", where, errors);
        if (c[8].isBlank()) {
            errors.add(where + ": empty text");
        }
        return errors.size() > before ? null : new Example(c[0], c[1], c[2], c[3], c[4], topics, c[6], flags, c[8]);
    }

    static Set<String> ids(String field, List<String> known, String what, String where, List<String> errors) {
        Set<String> out = new LinkedHashSet<>();
        if (field.equals("-") || field.isBlank()) {
            return out;
        }
        for (String id : Arrays.asList(field.split(","))) {
            String t = id.strip();
            if (!known.contains(t)) {
                errors.add(where + ": unknown " + what + " '" + t + "' (known: " + String.join(", ", known) + ")");
            } else {
                out.add(t);
            }
        }
        return out;
    }
}

package io.vocedge.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The command lines our docs show: every code span and every line of a fenced code block in the repository's
 * Markdown files, with where it is and whether its block is marked {@code <!-- doc-test -->} (runnable here).
 */
final class MarkdownCommands {
    static final String MARKER = "<!-- doc-test -->";
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern EXIT = Pattern.compile("#\\s*exit\\s+(\\d+)");

    /** One line of code in a doc. {@code runnable}: inside a block marked {@link #MARKER}. */
    record Snippet(Path file, int line, String text, boolean inBlock, boolean runnable, String firstTableCellOf) {
        String where() {
            return file + ":" + line;
        }

        /** The exit code a runnable line promises: {@code # exit N} at its end, else 0. */
        int expectedExit() {
            Matcher m = EXIT.matcher(text);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    private MarkdownCommands() {}

    /** The Markdown files users read: READMEs, CONTRIBUTING, BENCHMARKS, docs/, module docs/, hardware-docs/. */
    static List<Path> docs(Path repo) throws IOException {
        try (Stream<Path> s = Files.walk(repo, 3)) {
            return s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !repo.relativize(p).toString().contains("target/")
                            && !repo.relativize(p).startsWith(".git"))
                    .sorted()
                    .toList();
        }
    }

    static List<Snippet> snippets(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Snippet> out = new ArrayList<>();
        boolean inBlock = false;
        boolean marked = false;
        String previousNonBlank = "";
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String t = raw.strip();
            if (t.startsWith("```")) {
                if (!inBlock) {
                    marked = previousNonBlank.equals(MARKER);
                }
                inBlock = !inBlock;
                previousNonBlank = t;
                continue;
            }
            if (inBlock) {
                if (!t.isEmpty()) {
                    out.add(new Snippet(file, i + 1, t, true, marked, null));
                }
                continue;
            }
            Matcher m = SPAN.matcher(raw);
            String firstCell = firstTableCell(t);
            while (m.find()) {
                boolean inFirstCell = firstCell != null && firstCell.contains("`" + m.group(1) + "`");
                out.add(new Snippet(
                        file,
                        i + 1,
                        m.group(1),
                        false,
                        false,
                        inFirstCell ? file.getParent().getFileName().toString() : null));
            }
            if (!t.isEmpty()) {
                previousNonBlank = t;
            }
        }
        return out;
    }

    private static String firstTableCell(String line) {
        if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| ---")) {
            return null;
        }
        int end = line.indexOf(" | ", 1);
        return end < 0 ? null : line.substring(1, end);
    }
}

package io.vocedge.device.insights.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who wrote a training file, read from its name, for leave-one-author-out cross-validation: a model scored on lines of
 * an author it never saw is the nearest the training corpus gets to a blind test set (random folds put lines of every
 * author, with their habits of wording, on both sides). Names follow corpus/train/README.md: {@code en-author3-*},
 * {@code zh-author5-*}; the issue-15 helper's {@code *-helper-*} files are its second author; every other file is the
 * first author's. English and Chinese authors were different people (sessions), so the language is part of the group.
 */
public final class AuthorGroups {
    private static final Pattern AUTHOR = Pattern.compile("^(zh|en)-author(\\d+)-");
    private static final Pattern HELPER = Pattern.compile("^(zh|en)-helper-");
    private static final Pattern LANG = Pattern.compile("^(zh|en)-");

    /** Lines that came from no corpus file (analysts' corrections) form a group of their own. */
    public static final String CORRECTIONS = "corrections";

    private AuthorGroups() {}

    /**
     * The group of each example, from the corpus file it came from ({@code fileOfId}, see
     * {@link LabelledCorpus#fileOfId}); an example from no file (an analyst's correction) is in {@link #CORRECTIONS}.
     */
    public static List<String> of(List<Example> examples, Map<String, String> fileOfId) {
        List<String> groups = new ArrayList<>(examples.size());
        for (Example e : examples) {
            String f = fileOfId.get(e.id());
            groups.add(f == null ? CORRECTIONS : of(f));
        }
        return groups;
    }

    /** The group of a corpus file name ({@code en-author3-mixed.tsv} -> {@code en-author3}). */
    public static String of(String fileName) {
        Matcher m = AUTHOR.matcher(fileName);
        if (m.find()) {
            return m.group(1) + "-author" + Integer.parseInt(m.group(2));
        }
        m = HELPER.matcher(fileName);
        if (m.find()) {
            return m.group(1) + "-author2";
        }
        m = LANG.matcher(fileName);
        return m.find() ? m.group(1) + "-author1" : "other";
    }
}

package io.vocedge.common.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One configuration document being read strictly: the program asks for each key it knows through
 * {@link ConfigNode}s, problems are collected instead of thrown, and {@link #finish()} adds every key nobody
 * asked for (typos: {@code borker}, {@code ack_timout}) and throws one {@link ConfigException} listing them all.
 *
 * <p>Why not Jackson data binding into records: it stops at the first problem and its messages name Java types,
 * not our keys. The tree is still parsed by Jackson's YAML parser (duplicate keys refused, source text never
 * copied into error messages).
 */
public final class ConfigDocument {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                    .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final List<ConfigNode> visited = new ArrayList<>();
    private final ConfigNode root;

    private ConfigDocument(String source, JsonNode tree) {
        this.source = source;
        this.root = new ConfigNode(this, "", tree);
    }

    /** Reads a YAML file; a missing/unreadable file or broken YAML is a {@link ConfigException} at once. */
    public static ConfigDocument load(Path file) throws ConfigException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name, List.of("no such file: check the path given with --config"));
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(name, List.of("not readable by this user: check the file's owner and mode"));
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    name,
                    List.of("not valid YAML at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(name, List.of("cannot read: " + e.getMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException(name, List.of("the file is empty: it must be a YAML mapping of sections"));
        }
        if (!tree.isObject()) {
            throw new ConfigException(
                    name, List.of("the file must be a YAML mapping of sections, not a " + ConfigNode.kind(tree)));
        }
        return new ConfigDocument(name, tree);
    }

    /** Parses YAML text (tests, {@code config check -}); same rules as {@link #load(Path)}. */
    public static ConfigDocument parse(String yaml, String source) throws ConfigException {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    source,
                    List.of("not valid YAML at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = JsonNodeFactory.instance.objectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(
                    source, List.of("the document must be a YAML mapping of sections, not a " + ConfigNode.kind(tree)));
        }
        return new ConfigDocument(source, tree);
    }

    /**
     * A tree already parsed (a section handed over by a tool or a test); same rules as {@link #load(Path)}. The tree
     * must be a mapping; null or missing: an empty mapping.
     */
    public static ConfigDocument of(JsonNode tree, String source) throws ConfigException {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return empty(source);
        }
        if (!tree.isObject()) {
            throw new ConfigException(source, List.of("expected a YAML mapping, not a " + ConfigNode.kind(tree)));
        }
        return new ConfigDocument(source, tree.deepCopy());
    }

    /** No file: every section takes its defaults (embedded demo settings). */
    public static ConfigDocument empty(String source) {
        return new ConfigDocument(source, JsonNodeFactory.instance.objectNode());
    }

    public ConfigNode root() {
        return root;
    }

    public String source() {
        return source;
    }

    /** Records a problem that is not about one key's type (e.g. two keys that contradict each other). */
    public void problem(String path, String message) {
        problems.add(path.isEmpty() ? message : path + ": " + message);
    }

    /**
     * Builds a settings record, adding the problems of an {@link InvalidValuesException} from its constructor to this
     * document; then returns {@code fallback} (the document will not {@link #finish()} cleanly anyway).
     */
    public <T> T build(java.util.function.Supplier<T> constructor, T fallback) {
        try {
            return constructor.get();
        } catch (InvalidValuesException e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }

    void visited(ConfigNode node) {
        visited.add(node);
    }

    /** Problems recorded so far (a section reader compares before and after to skip rules across its own keys). */
    public int problemCount() {
        return problems.size();
    }

    /** True once any problem was recorded (cross-checks can skip work that would only repeat it). */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * Adds unknown keys of every mapping that was read, then throws if anything is wrong. Call once, after every
     * section was read.
     */
    public void finish() throws ConfigException {
        for (ConfigNode n : visited) {
            n.reportUnknownKeys();
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
    }
}

package io.vocedge.device.insights.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which groups of literals occur in a text, in one pass (an Aho-Corasick automaton): group {@code g} is in the
 * answer when the text contains at least one of its literals, exactly what {@code String.contains} over each literal
 * would say. The cue prefilter used to run ~200 {@code contains} scans per utterance, a tenth of the model's time.
 *
 * <p>Written here rather than taken from a library: {@code org.ahocorasick:ahocorasick} keys its transitions by boxed
 * {@code Character} and creates an {@code Emit} per match, and this runs on every utterance of a Pi-class device
 * where the insight path keeps its allocation low; we need only "which groups", a 64-bit mask, with no allocation.
 * Transitions: a dense table over the ASCII characters the literals use (any other ASCII character leads back to
 * the start) at every state, sorted arrays for the rest (Chinese); failure links resolved at build time into each
 * state's mask. About 2,000 states x ~40 columns for the English cues: a few hundred KB.
 */
final class LiteralScan {
    private static final int DENSE = 128;
    private static final int NONE = -1;

    private final short[] column = new short[DENSE]; // ASCII char -> its column in dense; 0: in no literal
    private final int width;
    private final int[] dense; // state * width + column -> next state (full goto function, after failure resolution)
    private final char[][] sparseKeys; // per state, sorted chars >= DENSE with a trie edge
    private final int[][] sparseNext;
    private final int[] fail;
    private final long[] mask; // groups ending at this state or any state on its failure chain

    /** {@code groups.get(g)} are the literals of group {@code g}; at most 64 groups, no empty literal. */
    LiteralScan(List<String[]> groups) {
        if (groups.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most 64 groups, got " + groups.size());
        }
        int columns = 1;
        for (String[] literals : groups) {
            for (String literal : literals) {
                for (char c : literal.toCharArray()) {
                    if (c < DENSE && column[c] == 0) {
                        column[c] = (short) columns++;
                    }
                }
            }
        }
        width = columns;
        Builder b = new Builder(width);
        for (int g = 0; g < groups.size(); g++) {
            for (String literal : groups.get(g)) {
                if (literal.isEmpty()) {
                    throw new IllegalArgumentException("empty literal in group " + g);
                }
                b.add(literal, g);
            }
        }
        int states = b.size();
        fail = new int[states];
        mask = new long[states];
        sparseKeys = new char[states][];
        sparseNext = new int[states][];
        dense = new int[states * width];
        for (int s = 0; s < states; s++) {
            mask[s] = b.out.get(s);
            List<char[]> edges = b.sparse.get(s);
            char[] keys = new char[edges.size()];
            int[] next = new int[edges.size()];
            edges.sort((x, y) -> Character.compare(x[0], y[0]));
            for (int i = 0; i < keys.length; i++) {
                keys[i] = edges.get(i)[0];
                next[i] = edges.get(i)[1];
            }
            sparseKeys[s] = keys;
            sparseNext[s] = next;
        }
        // Breadth-first: a state's failure target is shallower, so it is complete when the state is reached.
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int c = 0; c < width; c++) {
            int t = b.denseEdge(0, c);
            if (t == NONE) {
                dense[c] = 0;
            } else {
                dense[c] = t;
                fail[t] = 0;
                queue[tail++] = t;
            }
        }
        for (int i = 0; i < sparseKeys[0].length; i++) {
            int t = sparseNext[0][i];
            fail[t] = 0;
            queue[tail++] = t;
        }
        while (head < tail) {
            int s = queue[head++];
            mask[s] |= mask[fail[s]];
            for (int c = 0; c < width; c++) {
                int t = b.denseEdge(s, c);
                if (t == NONE) {
                    dense[s * width + c] = dense[fail[s] * width + c];
                } else {
                    dense[s * width + c] = t;
                    fail[t] = dense[fail[s] * width + c];
                    queue[tail++] = t;
                }
            }
            for (int i = 0; i < sparseKeys[s].length; i++) {
                int t = sparseNext[s][i];
                fail[t] = step(fail[s], sparseKeys[s][i]);
                queue[tail++] = t;
            }
        }
    }

    /** The groups with a literal in {@code text}: bit {@code g} set for group {@code g}. */
    long groupsIn(CharSequence text) {
        long found = 0;
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            s = step(s, text.charAt(i));
            found |= mask[s];
        }
        return found;
    }

    private int step(int state, char c) {
        if (c < DENSE) {
            return dense[state * width + column[c]];
        }
        int s = state;
        while (true) {
            int i = Arrays.binarySearch(sparseKeys[s], c);
            if (i >= 0) {
                return sparseNext[s][i];
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    /** The trie before failure links: per state its dense edges, sparse edges and the groups ending there. */
    private final class Builder {
        final List<int[]> denseEdges = new ArrayList<>();
        final List<List<char[]>> sparse = new ArrayList<>();
        final List<Long> out = new ArrayList<>();
        private final int width;

        Builder(int width) {
            this.width = width;
            newState();
        }

        int size() {
            return out.size();
        }

        int denseEdge(int s, int c) {
            return denseEdges.get(s)[c];
        }

        void add(String literal, int group) {
            int s = 0;
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                int t = edge(s, c);
                if (t == NONE) {
                    t = newState();
                    if (c < DENSE) {
                        denseEdges.get(s)[column[c]] = t;
                    } else {
                        sparse.get(s).add(new char[] {c, (char) t});
                    }
                }
                s = t;
            }
            out.set(s, out.get(s) | 1L << group);
        }

        private int edge(int s, char c) {
            if (c < DENSE) {
                return denseEdges.get(s)[column[c]];
            }
            for (char[] e : sparse.get(s)) {
                if (e[0] == c) {
                    return e[1];
                }
            }
            return NONE;
        }

        private int newState() {
            int[] d = new int[width];
            Arrays.fill(d, NONE);
            denseEdges.add(d);
            sparse.add(new ArrayList<>());
            out.add(0L);
            if (out.size() > Character.MAX_VALUE) {
                throw new IllegalStateException("too many literals for the scan");
            }
            return out.size() - 1;
        }
    }
}

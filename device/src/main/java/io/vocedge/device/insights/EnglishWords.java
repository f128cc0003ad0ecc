package io.vocedge.device.insights;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lower-case English words of the vendored list ({@code names/english-words.txt}, 65,000 words): an unlisted word
 * after a cue for a person ("booked by tom hargreaves", "dr obi") is taken as a name only when it is no English word.
 * Packed into one byte array with sorted offsets and searched by bisection, because a hash set of 65,000 strings
 * would cost the agent some 5 MB of its heap; this costs under 1 MB.
 */
final class EnglishWords {
    private final byte[] letters;
    private final int[] starts; // starts[k] .. starts[k + 1] - 1 is word k, in sorted order

    private EnglishWords(byte[] letters, int[] starts) {
        this.letters = letters;
        this.starts = starts;
    }

    /**
     * The vendored list; a missing one is a build fault and fails loudly. {@link #of} sorts it (the file is sorted
     * already, which the sort sees in one pass).
     */
    static EnglishWords load() {
        return of(NameLists.vendoredLines("english-words.txt"));
    }

    static EnglishWords of(String[] lines) {
        String[] words = Arrays.stream(lines)
                .map(String::strip)
                .filter(w -> !w.isEmpty() && w.charAt(0) != '#')
                .sorted()
                .distinct()
                .toArray(String[]::new);
        int total = 0;
        for (String w : words) {
            total += w.length();
        }
        byte[] letters = new byte[total];
        int[] starts = new int[words.length + 1];
        int at = 0;
        for (int k = 0; k < words.length; k++) {
            starts[k] = at;
            byte[] b = words[k].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, letters, at, b.length);
            at += b.length;
        }
        starts[words.length] = at;
        return new EnglishWords(letters, starts);
    }

    int size() {
        return starts.length - 1;
    }

    /** Whether {@code w} (lower case) is a listed word; any character outside a-z makes it none. */
    boolean contains(String w) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, w);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    /** Word {@code k} against {@code w}, in the order of {@link String#compareTo} for ASCII. */
    private int compare(int k, String w) {
        int from = starts[k];
        int len = starts[k + 1] - from;
        int n = Math.min(len, w.length());
        for (int i = 0; i < n; i++) {
            int d = (letters[from + i] & 0xff) - w.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return len - w.length();
    }
}

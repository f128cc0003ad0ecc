package io.vocedge.common.text;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.util.Locale;

/**
 * JSON string escapes for output a terminal may show (CLI {@code --json}): besides what JSON requires, every character
 * {@link Printable#unsafe} names (DEL, C1 controls such as the one-byte CSI U+009B, bidirectional overrides) is
 * written as a {@code \\uXXXX} escape, so the JSON stays exact for a program and harmless on a screen. Plain ASCII
 * and other non-ASCII text (Chinese transcripts) stay readable.
 */
public final class TerminalSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    public TerminalSafeEscapes() {
        ascii = CharacterEscapes.standardAsciiEscapesForJSON();
        ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        // Returning null with ESCAPE_CUSTOM unset for non-ASCII means "use the standard \\u escape" only via the
        // ascii table; for non-ASCII characters Jackson asks here, so build the escape ourselves.
        if (ch <= 0xFFFF && Printable.unsafe((char) ch)) {
            return new com.fasterxml.jackson.core.io.SerializedString(String.format(Locale.ROOT, "\\u%04X", ch));
        }
        return null;
    }
}

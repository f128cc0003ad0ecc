package io.vocedge.provisioning.ca;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ProvisionException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where the CA passphrase comes from, in this order: {@code --passphrase-file}, the environment variable
 * {@code VOC_CA_PASSPHRASE}, the console (typed, not echoed). It is never printed or logged.
 */
public final class Passphrase {
    public static final String ENV = "VOC_CA_PASSPHRASE";
    public static final int MIN_LENGTH = 12;

    private Passphrase() {}

    /**
     * @param file {@code --passphrase-file}, or null
     * @param confirm ask twice on the console (for {@code ca init})
     */
    public static char[] read(Path file, Map<String, String> env, Console console, boolean confirm) {
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new BadInputException(
                        "passphrase file " + file + " is missing or unreadable: check --passphrase-file");
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                // One line; a trailing newline from 'echo' is not part of the passphrase.
                String line = text.lines().findFirst().orElse("");
                return nonEmpty(
                        line.toCharArray(),
                        "passphrase file " + file + " is empty: write the passphrase on its first line");
            } catch (IOException e) {
                throw new ProvisionException("cannot read passphrase file " + file + ": " + e.getMessage(), e);
            }
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null) {
            return nonEmpty(fromEnv.toCharArray(), ENV + " is set but empty: set it to the CA passphrase or unset it");
        }
        if (console == null) {
            throw new BadInputException(
                    "no CA passphrase: give --passphrase-file FILE, set " + ENV + ", or run in a terminal to type it");
        }
        char[] first = console.readPassword("CA passphrase: ");
        if (first == null) {
            throw new BadInputException("no CA passphrase typed (end of input)");
        }
        if (confirm) {
            char[] second = console.readPassword("CA passphrase again: ");
            boolean same = second != null && Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new BadInputException("the two passphrases differ: run the command again");
            }
        }
        return nonEmpty(first, "empty CA passphrase: type the passphrase");
    }

    /** For {@code ca init}: a new passphrase must be long enough to resist guessing if ca.key leaks. */
    public static void requireStrong(char[] passphrase) {
        if (passphrase.length < MIN_LENGTH) {
            throw new BadInputException("the CA passphrase is too short (" + passphrase.length
                    + " characters): use at least " + MIN_LENGTH + ", e.g. four random words");
        }
    }

    private static char[] nonEmpty(char[] p, String message) {
        if (p.length == 0) {
            throw new BadInputException(message);
        }
        return p;
    }
}

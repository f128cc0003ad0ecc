package io.vocedge.provisioning.install;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ProvisionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 of files, compared against the checksum the technician was given. */
public final class Checksums {
    private Checksums() {}

    /** @return the expected checksum, normalised to lower case; throws if it is not 64 hex digits */
    public static String requireSha256(String hex) {
        if (hex == null || !hex.trim().matches("[0-9a-fA-F]{64}")) {
            throw new BadInputException(
                    "--sha256 '" + hex + "' is not a SHA-256 checksum: give the 64 hex digits published "
                            + "with the archive (sha256sum FILE prints them)");
        }
        return hex.trim().toLowerCase(Locale.ROOT);
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new ProvisionException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void verify(Path archive, String expected) {
        if (!Files.isRegularFile(archive) || !Files.isReadable(archive)) {
            throw new BadInputException("--archive " + archive + " is missing or unreadable: check the path");
        }
        String actual = sha256(archive);
        if (!actual.equals(expected)) {
            throw new BadInputException(
                    archive + " has SHA-256 " + actual + ", expected " + expected
                            + ": the download is corrupt or not the published archive; download it again (nothing was changed)");
        }
    }
}

package io.vocedge.provisioning.install;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ProvisionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip into a directory, refusing entries that would land outside it (zip slip: {@code ../}, absolute
 * paths), and bounding entry count and unpacked bytes (counted while writing, not trusted from the headers) so a
 * hostile or broken archive cannot fill the SD card.
 */
public final class ZipExtractor {
    private final long maxBytes;
    private final int maxEntries;

    public ZipExtractor(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** Extracts everything; returns the number of files written. */
    public int extract(Path archive, Path dest) {
        Path root = dest.toAbsolutePath().normalize();
        int files = 0;
        long bytes = 0;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > maxEntries) {
                throw new BadInputException(archive + " has " + zip.size() + " entries, more than the " + maxEntries
                        + " allowed: is it the right archive?");
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            byte[] buf = new byte[64 * 1024];
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path out = safeResolve(root, e.getName(), archive);
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(e);
                        OutputStream o = Files.newOutputStream(out)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        bytes += n;
                        if (bytes > maxBytes) {
                            throw new BadInputException(archive + " unpacks to more than " + maxBytes / (1024 * 1024)
                                    + " MiB: is it the right archive?");
                        }
                        o.write(buf, 0, n);
                    }
                }
                files++;
            }
            return files;
        } catch (ZipException e) {
            throw new BadInputException(
                    archive + " is not a valid zip archive (" + e.getMessage()
                            + "): the download is corrupt or truncated; download it again",
                    e);
        } catch (IOException e) {
            throw new ProvisionException(
                    "cannot unpack " + archive + " into " + dest + ": " + e.getMessage()
                            + " (corrupt archive, or disk full?)",
                    e);
        }
    }

    static Path safeResolve(Path root, String name, Path archive) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.contains("\0")) {
            throw new BadInputException(archive + " contains an entry with an absolute path ('" + name
                    + "'): refusing to unpack it; use the archive from the official download");
        }
        Path out = root.resolve(n).normalize();
        if (!out.startsWith(root) || out.equals(root)) {
            throw new BadInputException(archive + " contains an entry outside its own directory ('" + name
                    + "'): refusing to unpack it (zip slip); use the archive from the official download");
        }
        return out;
    }
}

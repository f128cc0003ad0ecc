package io.vocedge.device.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a set of files looked like (inode, size, modification time): enough to notice one replaced by an atomic
 * rename or rewritten in place, without reading it. A missing file has a stamp of its own.
 */
record FileStamps(List<Path> files, List<Object> stamps) {
    static FileStamps of(Path... files) {
        List<Path> present = new ArrayList<>();
        for (Path f : files) {
            if (f != null) {
                present.add(f);
            }
        }
        return new FileStamps(
                List.copyOf(present), present.stream().map(FileStamps::stamp).toList());
    }

    /** The same files, looked at now. */
    FileStamps again() {
        return of(files.toArray(Path[]::new));
    }

    private static Object stamp(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return List.of(
                    Objects.toString(a.fileKey()),
                    a.size(),
                    a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return "missing";
        }
    }
}

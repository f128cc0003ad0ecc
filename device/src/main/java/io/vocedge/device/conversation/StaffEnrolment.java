package io.vocedge.device.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.fs.OwnerOnly;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The enrolled staff voice: one x-vector in a small JSON file on the device (never sent anywhere),
 * {@code rw-------}, written atomically. Produced by {@code voc-device asr enrol} from a WAV recording.
 */
public record StaffEnrolment(String speakerModel, int utterances, float[] vector) {
    private static final ObjectMapper MAPPER = io.vocedge.common.json.Mappers.json();

    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            OwnerOnly.directory(parent);
        }
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        MAPPER.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static StaffEnrolment load(Path file) throws IOException {
        StaffEnrolment e = MAPPER.readValue(file.toFile(), StaffEnrolment.class);
        if (e.vector() == null || e.vector().length == 0) {
            throw new IOException("enrolment file " + file + " has no vector: run 'voc-device asr enrol' again");
        }
        return e;
    }
}

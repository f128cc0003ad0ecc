package io.vocedge.provisioning.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vocedge.protocol.Json;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.fs.SafeFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes {@code inventory.json} in the CA directory. Writes are atomic (temporary file + rename), and
 * {@link #lock()} serialises two enrolments against one CA (two technicians sharing a laptop, or a script).
 */
public final class InventoryStore {
    public static final String FILE = "inventory.json";
    private final Path caDir;
    private final ObjectMapper json = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public InventoryStore(Path caDir) {
        this.caDir = caDir;
    }

    public Inventory load() {
        Path f = caDir.resolve(FILE);
        if (!Files.exists(f)) {
            return Inventory.empty();
        }
        try {
            return json.readValue(f.toFile(), Inventory.class);
        } catch (IOException e) {
            throw new ProvisionException(
                    f + " is unreadable or corrupt (" + e.getMessage()
                            + "): restore it from the CA backup; it lists the enrolled devices",
                    e);
        }
    }

    public void save(Inventory inventory) {
        try {
            // Owner-only like the rest of the CA directory: it maps devices to sites and names.
            SafeFiles.writePrivate(caDir.resolve(FILE), json.writeValueAsBytes(inventory));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An exclusive lock on the inventory for the duration of one command; close it when done. */
    public AutoCloseable lock() {
        try {
            FileChannel ch = FileChannel.open(
                    caDir.resolve("inventory.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                throw new ProvisionException("another voc-provision command is using the CA in " + caDir
                        + ": wait for it to finish and try again");
            }
            return () -> {
                lock.release();
                ch.close();
            };
        } catch (IOException e) {
            throw new ProvisionException(
                    "cannot lock " + caDir.resolve("inventory.lock") + ": " + e.getMessage()
                            + " (is the CA directory writable?)",
                    e);
        }
    }
}

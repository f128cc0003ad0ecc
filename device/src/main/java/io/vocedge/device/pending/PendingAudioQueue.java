package io.vocedge.device.pending;

import io.vocedge.device.pipeline.SpeechSegment;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.tinylog.Logger;

/**
 * Bounded, FIFO, on-disk queue of speech segments waiting for the recognizer; survives restarts.
 *
 * <p><b>Storage:</b> one file per entry, {@code <seq>.seg}, written to a {@code .tmp} file, forced to disk and
 * renamed atomically, so a crash leaves either the whole entry or none. The index (sequence, size, audio
 * length) is rebuilt from the file headers at start and kept in memory; the directory listing is the only
 * persistent index, so the two can never disagree. Chosen over SQLite because each entry is written once,
 * read once and deleted: whole files make "delete the audio" a real unlink (no free pages holding PCM), and
 * owner-only permissions apply to each file.
 *
 * <p><b>Bound and overflow:</b> at most {@code maxBytes} on disk and {@code maxAudioMs} of audio. When an
 * append would exceed either, the OLDEST segments (not the one being transcribed) are deleted, counted and
 * logged; markers are a few bytes and are never dropped, so conversation boundaries survive.
 *
 * <p><b>Delivery:</b> at least once. An entry is deleted by {@link #complete} after its transcript was
 * accepted downstream; a crash between the two transcribes it again after restart.
 *
 * <p><b>Privacy:</b> the directory is {@code rwx------} and every file {@code rw-------}. Audio is not encrypted
 * at rest (optional encrypted retention is not implemented).
 */
public final class PendingAudioQueue {
    private static final int MAGIC = 0x564F4350; // "VOCP"
    private static final int VERSION = 1;
    private static final String SUFFIX = ".seg";
    private static final Set<PosixFilePermission> FILE_PERMS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwx------");

    private record Meta(PendingEntry.Kind kind, long bytes, long audioMs) {}

    private final Path dir;
    private final long maxBytes;
    private final long maxAudioMs;
    private final boolean posix;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final TreeMap<Long, Meta> index = new TreeMap<>();
    private long nextSeq;
    private long bytes;
    private long audioMs;
    private long inFlight = -1;
    private long droppedSegments;
    private long droppedMs;

    public PendingAudioQueue(Path dir, long maxBytes, long maxAudioMs) {
        if (maxBytes <= 0 || maxAudioMs <= 0) {
            throw new IllegalArgumentException(
                    "pending queue bounds must be positive: maxBytes=" + maxBytes + " maxAudioMs=" + maxAudioMs);
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.maxAudioMs = maxAudioMs;
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open pending-audio queue in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, attrs(DIR_PERMS));
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, DIR_PERMS);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f); // an append interrupted by a crash: never renamed, never visible
                } else if (name.endsWith(SUFFIX)) {
                    try {
                        long seq = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
                        PendingEntry e = read(f, seq);
                        index.put(seq, new Meta(e.kind(), Files.size(f), e.audioMs()));
                        bytes += Files.size(f);
                        audioMs += e.audioMs();
                    } catch (IOException | RuntimeException ex) {
                        Logger.warn("pending queue: unreadable entry deleted file={} reason={}", name, ex.getMessage());
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
        nextSeq = index.isEmpty() ? 1 : index.lastKey() + 1;
        Logger.info("pending queue opened dir={} entries={} backlogMs={} bytes={}", dir, index.size(), audioMs, bytes);
    }

    public void appendSegment(SpeechSegment segment) {
        append(PendingEntry.Kind.SEGMENT, segment, segment.endMs());
    }

    public void appendMarker(PendingEntry.Kind kind, long atMs) {
        if (kind == PendingEntry.Kind.SEGMENT) {
            throw new IllegalArgumentException("use appendSegment for audio");
        }
        append(kind, null, atMs);
    }

    private void append(PendingEntry.Kind kind, SpeechSegment segment, long atMs) {
        lock.lock();
        try {
            long seq = nextSeq++;
            byte[] data = encode(new PendingEntry(seq, kind, segment, atMs));
            long ms = segment == null ? 0 : segment.samples().length * 1000L / SpeechSegment.SAMPLE_RATE;
            if (kind == PendingEntry.Kind.SEGMENT && (data.length > maxBytes || ms > maxAudioMs)) {
                droppedSegments++;
                droppedMs += ms;
                Logger.warn(
                        "pending queue: segment larger than the whole queue dropped audioMs={} bytes={}",
                        ms,
                        data.length);
                return;
            }
            evictFor(data.length, ms);
            Path tmp = dir.resolve(seq + SUFFIX + ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(
                        tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs(FILE_PERMS))) {
                    ByteBuffer buf = ByteBuffer.wrap(data);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(false);
                }
                Files.move(tmp, file(seq), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the .tmp is removed at the next start anyway
                }
                droppedSegments += kind == PendingEntry.Kind.SEGMENT ? 1 : 0;
                droppedMs += ms;
                Logger.error("pending queue: write failed, entry dropped kind={} reason={}", kind, e.getMessage());
                return;
            }
            index.put(seq, new Meta(kind, data.length, ms));
            bytes += data.length;
            audioMs += ms;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the oldest segments (never the in-flight one, never markers) until {@code addBytes}/{@code addMs} fit. */
    private void evictFor(long addBytes, long addMs) {
        var it = index.entrySet().iterator();
        while ((bytes + addBytes > maxBytes || audioMs + addMs > maxAudioMs) && it.hasNext()) {
            Map.Entry<Long, Meta> e = it.next();
            // copy before it.remove(): TreeMap may reuse the removed node for its successor
            long seq = e.getKey();
            Meta meta = e.getValue();
            if (seq == inFlight || meta.kind() != PendingEntry.Kind.SEGMENT) {
                continue;
            }
            try {
                Files.deleteIfExists(file(seq));
            } catch (IOException ex) {
                Logger.error("pending queue: cannot delete dropped segment seq={} reason={}", seq, ex.getMessage());
            }
            it.remove();
            bytes -= meta.bytes();
            audioMs -= meta.audioMs();
            droppedSegments++;
            droppedMs += meta.audioMs();
            Logger.warn(
                    "pending queue full: oldest segment dropped seq={} audioMs={} droppedTotal={}",
                    seq,
                    meta.audioMs(),
                    droppedSegments);
        }
    }

    /**
     * Waits up to {@code timeout} for the oldest entry and marks it in flight (it is no longer evicted).
     * Call {@link #complete} once its result is accepted downstream.
     */
    public Optional<PendingEntry> take(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (index.isEmpty()) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            long seq = index.firstKey();
            inFlight = seq;
            try {
                return Optional.of(read(file(seq), seq));
            } catch (IOException | RuntimeException e) {
                Logger.error("pending queue: unreadable entry skipped seq={} reason={}", seq, e.getMessage());
                removeLocked(seq);
                return Optional.empty();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the entry's audio: its transcript is in the outbox (or it produced nothing). */
    public void complete(PendingEntry entry) {
        lock.lock();
        try {
            removeLocked(entry.seq());
        } finally {
            lock.unlock();
        }
    }

    private void removeLocked(long seq) {
        if (inFlight == seq) {
            inFlight = -1;
        }
        Meta m = index.remove(seq);
        try {
            Files.deleteIfExists(file(seq));
        } catch (IOException e) {
            Logger.error("pending queue: cannot delete transcribed audio seq={} reason={}", seq, e.getMessage());
        }
        if (m != null) {
            bytes -= m.bytes();
            audioMs -= m.audioMs();
        }
    }

    /**
     * Privacy: deletes (unlinks) the audio segments waiting for recognition whose file was written at or after
     * {@code sinceMs} (epoch ms; {@code Long.MIN_VALUE} = all of them), the one being recognised included (its
     * samples are already in memory: that transcript still comes, the file does not stay). Markers stay. Returns how
     * many segments went.
     */
    public int dropSegmentsSince(long sinceMs) {
        lock.lock();
        try {
            int n = 0;
            for (Long seq : new java.util.ArrayList<>(index.keySet())) {
                Meta m = index.get(seq);
                if (m.kind() != PendingEntry.Kind.SEGMENT) {
                    continue;
                }
                if (sinceMs != Long.MIN_VALUE) {
                    try {
                        if (Files.getLastModifiedTime(file(seq)).toMillis() < sinceMs) {
                            continue;
                        }
                    } catch (IOException e) {
                        // unreadable time: delete it, the safe side for privacy
                    }
                }
                removeLocked(seq);
                n++;
            }
            if (n > 0) {
                Logger.info(
                        "event=pending_audio_dropped segments={} since_ms={}",
                        n,
                        sinceMs == Long.MIN_VALUE ? "all" : sinceMs);
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    public QueueStats stats() {
        lock.lock();
        try {
            return new QueueStats(index.size(), bytes, audioMs, droppedSegments, droppedMs);
        } finally {
            lock.unlock();
        }
    }

    public Path directory() {
        return dir;
    }

    private Path file(long seq) {
        return dir.resolve(String.format(Locale.ROOT, "%016d", seq) + SUFFIX);
    }

    private FileAttribute<?>[] attrs(Set<PosixFilePermission> perms) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)} : new FileAttribute<?>[0];
    }

    static byte[] encode(PendingEntry e) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream(
                    64 + (e.segment() == null ? 0 : e.segment().samples().length * 2));
            DataOutputStream out = new DataOutputStream(bos);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeByte(e.kind().ordinal());
            out.writeLong(e.atMs());
            if (e.segment() != null) {
                SpeechSegment s = e.segment();
                out.writeUTF(s.segmentId());
                out.writeLong(s.startMs());
                out.writeLong(s.endMs());
                out.writeDouble(s.levelDbfs());
                out.writeInt(s.samples().length);
                out.flush();
                ByteBuffer pcm = ByteBuffer.allocate(s.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
                pcm.asShortBuffer().put(s.samples());
                bos.write(pcm.array());
            }
            out.flush();
            return bos.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static PendingEntry read(Path f, long seq) throws IOException {
        try (InputStream is = Files.newInputStream(f);
                DataInputStream in = new DataInputStream(is)) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a pending-audio entry (bad magic or version)");
            }
            PendingEntry.Kind kind = PendingEntry.Kind.values()[in.readByte()];
            long atMs = in.readLong();
            if (kind != PendingEntry.Kind.SEGMENT) {
                return new PendingEntry(seq, kind, null, atMs);
            }
            String id = in.readUTF();
            long start = in.readLong();
            long end = in.readLong();
            double level = in.readDouble();
            int n = in.readInt();
            byte[] raw = in.readNBytes(n * 2);
            if (raw.length != n * 2) {
                throw new IOException("truncated audio: " + raw.length + " of " + n * 2 + " bytes");
            }
            short[] samples = new short[n];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return new PendingEntry(seq, kind, new SpeechSegment(id, start, end, samples, level), atMs);
        }
    }
}

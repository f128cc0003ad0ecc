package io.vocedge.gateway.model;

import io.vocedge.gateway.store.Dialect;
import io.vocedge.protocol.Ids;
import io.vocedge.protocol.LexiconUpdate;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.ModelFileHeader;
import io.vocedge.protocol.ModelManifest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Published insight models in the store ({@code model_publications}, V85): checked with {@link ModelFileHeader}
 * (magic, format, the file's own SHA-256, version) before a row is written, so a device never gets a file the gateway
 * could have refused. {@link #latest()} reads names and digests only; the bytes (up to
 * {@link Limits#MAX_MODEL_BYTES}) are loaded by {@link #loaded} when a manifest or a chunk is needed and kept for the
 * {@value #CACHED} most recently used publications.
 */
public final class ModelPublications {
    /** The scope meaning every site. */
    public static final String ALL_SITES = "*";

    /** Publications whose bytes stay in memory (at most 8 MiB each). */
    static final int CACHED = 4;

    private final DataSource db;
    private final Dialect dialect;
    private final Map<Long, Loaded> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Loaded> eldest) {
            return size() > CACHED;
        }
    };

    public ModelPublications(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /** One published model, without its bytes. */
    public record Publication(
            long id,
            String site,
            String version,
            String sha256,
            int sizeBytes,
            Instant publishedAt,
            String publishedBy) {
        /** Number of {@link Limits#MODEL_CHUNK_BYTES} chunks. */
        public int chunks() {
            return (sizeBytes + Limits.MODEL_CHUNK_BYTES - 1) / Limits.MODEL_CHUNK_BYTES;
        }
    }

    /** A publication with its bytes and its manifest ({@code issued_at} = when it was published). */
    public record Loaded(Publication publication, byte[] content, ModelManifest manifest) {}

    /**
     * Checks {@code file} and records it for {@code site} (or {@link #ALL_SITES}). Refused (IllegalArgumentException,
     * a message naming the problem and the fix, never content): not a valid model file, or the version that is already
     * the newest published for that scope. Model versions are names, not ordered: any other version may follow.
     */
    public Publication publish(byte[] file, String source, String site, String by) throws SQLException {
        if (!ALL_SITES.equals(site) && !Ids.isValid(site)) {
            throw new IllegalArgumentException("--site: 1-64 characters of a-z, 0-9, '-' or '_'");
        }
        ModelFileHeader header = ModelFileHeader.read(file, source);
        Optional<Publication> current =
                latest().stream().filter(p -> p.site().equals(site)).findFirst();
        if (current.isPresent() && current.get().version().equals(header.version())) {
            throw new IllegalArgumentException("model " + header.version() + " is already the one published for "
                    + scope(site) + ": nothing to do (train a new model to publish a change)");
        }
        Instant now = Instant.now();
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO model_publications(site, version, sha256, size_bytes, "
                                + "content, published_at, published_by) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, site);
            ps.setString(2, header.version());
            ps.setString(3, LexiconUpdate.sha256(file));
            ps.setInt(4, file.length);
            ps.setBytes(5, file);
            dialect.setTime(ps, 6, now);
            ps.setString(7, by);
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return latest().stream().filter(p -> p.site().equals(site)).findFirst().orElseThrow();
    }

    /** The newest publication of every scope (no bytes). */
    public List<Publication> latest() throws SQLException {
        List<Publication> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, site, version, sha256, size_bytes, published_at, published_by FROM model_publications"
                                + " WHERE id IN (SELECT MAX(id) FROM model_publications GROUP BY site) ORDER BY site");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Publication(
                        rs.getLong("id"),
                        rs.getString("site"),
                        rs.getString("version"),
                        rs.getString("sha256"),
                        rs.getInt("size_bytes"),
                        dialect.getTime(rs, "published_at"),
                        rs.getString("published_by")));
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return out;
    }

    /**
     * The bytes and manifest of {@code p}, from the cache or the store; checked against the recorded size and SHA-256
     * (a row changed behind the gateway's back is refused with {@link IllegalStateException}, never served).
     */
    public Loaded loaded(Publication p) throws SQLException {
        synchronized (cache) {
            Loaded hit = cache.get(p.id());
            if (hit != null) {
                return hit;
            }
        }
        byte[] content;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT content FROM model_publications WHERE id = ?")) {
            ps.setLong(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("model publication " + p.id() + " is gone from the store");
                }
                content = rs.getBytes(1);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        ModelManifest manifest = ModelManifest.of(p.version(), content, p.publishedAt());
        if (content.length != p.sizeBytes() || !manifest.sha256().equals(p.sha256())) {
            throw new IllegalStateException("model publication " + p.id() + " does not match its recorded size and "
                    + "sha256: publish the model again");
        }
        Loaded l = new Loaded(p, content, manifest);
        synchronized (cache) {
            cache.put(p.id(), l);
        }
        return l;
    }

    /**
     * What a device of {@code site} should run: the newer (by id) of its site's and the all-sites publication.
     * {@code latest} as returned by {@link #latest()}.
     */
    public static Optional<Publication> desiredFor(String site, List<Publication> latest) {
        return latest.stream()
                .filter(p -> p.site().equals(site) || p.site().equals(ALL_SITES))
                .max(Comparator.comparingLong(Publication::id));
    }

    /** The devices' reported model versions ({@code details.model_version} of their last status): site, state, version. */
    public Map<String, String[]> reported() throws SQLException {
        return io.vocedge.gateway.distribution.ReportedVersions.read(db, "model_version");
    }

    static String scope(String site) {
        return ALL_SITES.equals(site) ? "every site" : "site " + site;
    }
}

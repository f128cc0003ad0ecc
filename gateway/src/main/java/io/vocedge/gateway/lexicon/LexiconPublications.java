package io.vocedge.gateway.lexicon;

import io.vocedge.gateway.store.Dialect;
import io.vocedge.protocol.Ids;
import io.vocedge.protocol.LexiconUpdate;
import io.vocedge.protocol.lexicon.LexiconDocument;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Published lexicons in the store ({@code lexicon_publications}, V21): validated with the device's own parser
 * ({@link LexiconDocument}) before a row is written, so a device never gets a lexicon the gateway could have refused.
 */
public final class LexiconPublications {
    /** The scope meaning every site. */
    public static final String ALL_SITES = "*";

    private final DataSource db;
    private final Dialect dialect;

    public LexiconPublications(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /** One published lexicon. */
    public record Publication(
            long id,
            String site,
            String version,
            String sha256,
            int sizeBytes,
            String content,
            Instant publishedAt,
            String publishedBy) {
        public LexiconUpdate update() {
            return new LexiconUpdate(version, sha256, content, publishedAt);
        }
    }

    /**
     * Validates {@code yaml} and records it for {@code site} (or {@link #ALL_SITES}). Refused (IllegalArgumentException,
     * a message naming fields, never content): an invalid lexicon, or a version not newer than the one already
     * published for that scope.
     */
    public Publication publish(byte[] yaml, String source, String site, String by) throws SQLException {
        if (!ALL_SITES.equals(site) && !Ids.isValid(site)) {
            throw new IllegalArgumentException("--site: 1-64 characters of a-z, 0-9, '-' or '_'");
        }
        LexiconDocument doc = LexiconDocument.parse(yaml, source);
        Optional<Publication> current =
                latest().stream().filter(p -> p.site().equals(site)).findFirst();
        if (current.isPresent()
                && LexiconDocument.compareVersions(doc.version(), current.get().version()) <= 0) {
            throw new IllegalArgumentException("lexicon version " + doc.version() + " is not newer than "
                    + current.get().version() + ", already published for " + scope(site)
                    + ": raise version: in the file");
        }
        Instant now = Instant.now();
        String sha = LexiconUpdate.sha256(yaml);
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO lexicon_publications(site, version, sha256, size_bytes, "
                                + "content, published_at, published_by) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, site);
            ps.setString(2, doc.version());
            ps.setString(3, sha);
            ps.setInt(4, yaml.length);
            ps.setString(5, new String(yaml, StandardCharsets.UTF_8));
            dialect.setTime(ps, 6, now);
            ps.setString(7, by);
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return latest().stream().filter(p -> p.site().equals(site)).findFirst().orElseThrow();
    }

    /** The newest publication of every scope. */
    public List<Publication> latest() throws SQLException {
        List<Publication> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM lexicon_publications WHERE id IN "
                        + "(SELECT MAX(id) FROM lexicon_publications GROUP BY site) ORDER BY site");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Publication(
                        rs.getLong("id"),
                        rs.getString("site"),
                        rs.getString("version"),
                        rs.getString("sha256"),
                        rs.getInt("size_bytes"),
                        rs.getString("content"),
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
     * What a device of {@code site} should run: the newer (by id) of its site's and the all-sites publication.
     * {@code latest} as returned by {@link #latest()}.
     */
    public static Optional<Publication> desiredFor(String site, List<Publication> latest) {
        return latest.stream()
                .filter(p -> p.site().equals(site) || p.site().equals(ALL_SITES))
                .max(java.util.Comparator.comparingLong(Publication::id));
    }

    /** The devices' reported lexicon versions ({@code details.lexicon_version} of their last status). */
    public Map<String, String[]> reported() throws SQLException {
        return io.vocedge.gateway.distribution.ReportedVersions.read(db, "lexicon_version");
    }

    static String scope(String site) {
        return ALL_SITES.equals(site) ? "every site" : "site " + site;
    }
}

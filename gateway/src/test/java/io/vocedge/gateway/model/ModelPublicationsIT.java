package io.vocedge.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.ModelChunk;
import io.vocedge.testsupport.PostgresDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store of published models (V85) on both stores: PostgreSQL for real, and SQLite. */
class ModelPublicationsIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void publishesValidModelsPerScopeAndLoadsTheBytesOnlyWhenAsked(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            ModelPublications pubs = new ModelPublications(store.dataSource(), store.dialect());
            assertThat(pubs.latest()).isEmpty();
            byte[] v1 = ModelFiles.model("1-aaaa");
            var p1 = pubs.publish(v1, "v1.vocim", ModelPublications.ALL_SITES, "ops");
            assertThat(p1.version()).isEqualTo("1-aaaa");
            assertThat(p1.sizeBytes()).isEqualTo(v1.length);
            assertThat(p1.chunks()).isEqualTo(3);
            assertThat(p1.site()).isEqualTo("*");
            assertThat(p1.publishedBy()).isEqualTo("ops");

            var loaded = pubs.loaded(p1);
            assertThat(loaded.content()).isEqualTo(v1);
            assertThat(loaded.manifest().matchesFile(v1)).isTrue();
            assertThat(loaded.manifest().requireConsistent().chunks()).isEqualTo(3);
            assertThat(loaded.manifest().chunkBytes()).isEqualTo(Limits.MODEL_CHUNK_BYTES);
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            for (int i = 0; i < loaded.manifest().chunks(); i++) {
                again.write(loaded.manifest().verifyChunk(ModelChunk.of(loaded.manifest(), v1, i)));
            }
            assertThat(loaded.manifest().matchesFile(again.toByteArray())).isTrue();

            // Same version again for the same scope: refused; for another scope: fine; another version: fine.
            assertThatThrownBy(() -> pubs.publish(v1, "v1.vocim", ModelPublications.ALL_SITES, "ops"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1-aaaa is already the one published for every site");
            var s1 = pubs.publish(v1, "v1.vocim", "s1", "ops");
            byte[] v2 = ModelFiles.model("2-bbbb", 1000);
            var p2 = pubs.publish(v2, "v2.vocim", ModelPublications.ALL_SITES, "ops");
            assertThat(p2.chunks()).isEqualTo(1);
            assertThat(pubs.latest())
                    .extracting(ModelPublications.Publication::site, ModelPublications.Publication::version)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("*", "2-bbbb"),
                            org.assertj.core.groups.Tuple.tuple("s1", "1-aaaa"));

            // Desired: the newer (by id) of the site's and the all-sites publication.
            var latest = pubs.latest();
            assertThat(ModelPublications.desiredFor("s1", latest).orElseThrow().id())
                    .isEqualTo(p2.id());
            assertThat(ModelPublications.desiredFor("s2", latest).orElseThrow().version())
                    .isEqualTo("2-bbbb");
            assertThat(s1.id()).isLessThan(p2.id());
            assertThat(pubs.loaded(latest.get(0)).content()).isEqualTo(v2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void refusesWhatIsNotAModelAndBadSitesWithoutWritingARow(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            ModelPublications pubs = new ModelPublications(store.dataSource(), store.dialect());
            assertThatThrownBy(() -> pubs.publish(
                            "version: 1\nentries: []\n".repeat(5).getBytes(StandardCharsets.UTF_8),
                            "lexicon.yaml",
                            "*",
                            "ops"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lexicon.yaml is not a VoC Edge insight model (no VOCIM header)")
                    .hasMessageContaining("voc-device insights train");
            byte[] damaged = ModelFiles.model("1-aaaa");
            damaged[200] ^= 1;
            assertThatThrownBy(() -> pubs.publish(damaged, "m.vocim", "*", "ops"))
                    .hasMessageContaining("damaged or truncated");
            assertThatThrownBy(() -> pubs.publish(ModelFiles.model("../../etc"), "m.vocim", "*", "ops"))
                    .hasMessageContaining("not a model version");
            assertThatThrownBy(() -> pubs.publish(ModelFiles.model("1-aaaa"), "m.vocim", "Bad Site", "ops"))
                    .hasMessageContaining("--site");
            assertThat(pubs.latest()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void reportedReadsModelVersionFromTheLastStatus(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            store.register(ModelFiles.device("dev-a", "s1"));
            store.register(ModelFiles.device("dev-b", "s1"));
            try (Connection c = store.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("UPDATE devices SET last_status = "
                            + store.dialect().jsonParam + " WHERE device_id = 'dev-a'")) {
                ps.setString(1, "{\"details\":{\"model_version\":\"1-aaaa\",\"lexicon_version\":\"3\"}}");
                ps.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            var reported = new ModelPublications(store.dataSource(), store.dialect()).reported();
            assertThat(reported.get("dev-a")).containsExactly("s1", "registered", "1-aaaa");
            assertThat(reported.get("dev-b")).containsExactly("s1", "registered", null);
        }
    }
}

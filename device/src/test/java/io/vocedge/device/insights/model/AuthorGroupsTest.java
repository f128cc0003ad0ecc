package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Leave-one-author-out folds come from the corpus file names; every training file must land in a known author. */
class AuthorGroupsTest {
    @Test
    void fileNamesNameTheirAuthor() {
        assertThat(AuthorGroups.of("en-author3-implied-topics.tsv")).isEqualTo("en-author3");
        assertThat(AuthorGroups.of("zh-author12-floor.tsv")).isEqualTo("zh-author12");
        assertThat(AuthorGroups.of("zh-helper-weak-topics-2.tsv")).isEqualTo("zh-author2");
        assertThat(AuthorGroups.of("en-smalltalk.tsv")).isEqualTo("en-author1");
        assertThat(AuthorGroups.of("notes.tsv")).isEqualTo("other");
    }

    @Test
    void theTrainingCorpusSplitsIntoAuthorsOfBothLanguages() throws Exception {
        LabelledCorpus c = LabelledCorpus.read(Path.of("corpus/train"));
        TreeSet<String> groups = new TreeSet<>();
        c.examples().forEach(e -> groups.add(AuthorGroups.of(c.fileOfId().get(e.id()))));
        assertThat(groups).doesNotContain("other").contains("en-author1", "zh-author1", "en-author2", "zh-author2");
        assertThat(groups.size()).isGreaterThanOrEqualTo(12);
    }
}

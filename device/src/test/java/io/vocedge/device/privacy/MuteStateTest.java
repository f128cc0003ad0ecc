package io.vocedge.device.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuteStateTest {
    @TempDir
    Path dir;

    @Test
    void noFileTakesTheConfiguredDefault() {
        assertThat(MuteState.load(dir, false).muted()).isFalse();
        assertThat(MuteState.load(dir, true).muted()).isTrue();
        assertThat(MuteState.load(dir, false).loadProblem()).isNull();
    }

    @Test
    void muteSurvivesARestart() throws Exception {
        MuteState first = MuteState.load(dir, false);
        first.set(true, MuteState.BUTTON);
        assertThat(Files.readString(dir.resolve("mute"))).startsWith("muted source=button");
        assertThat(dir.resolve("mute.tmp")).doesNotExist();

        MuteState second = MuteState.load(dir, false);
        assertThat(second.muted()).isTrue();
        assertThat(second.lastSource()).isEqualTo("button");
        second.set(false, MuteState.COMMAND);
        assertThat(MuteState.load(dir, true).muted()).isFalse();
    }

    @Test
    void garbageInTheFileStartsMutedAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve("mute"), "half-writt");
        MuteState s = MuteState.load(dir, false);
        assertThat(s.muted()).isTrue();
        assertThat(s.lastSource()).isEqualTo("fail_safe");
        assertThat(s.loadProblem()).contains("half-writt").contains("expected 'muted' or 'unmuted'");
    }

    @Test
    void unreadableFileStartsMuted() throws Exception {
        Path f = dir.resolve("mute");
        Files.createDirectory(f); // reading a directory fails like an unreadable file, also as root
        MuteState s = MuteState.load(dir, false);
        assertThat(s.muted()).isTrue();
        assertThat(s.loadProblem()).contains("cannot read").contains("permissions");
    }

    @Test
    void emptyFileStartsMuted() throws Exception {
        Files.writeString(dir.resolve("mute"), "");
        assertThat(MuteState.load(dir, false).muted()).isTrue();
    }

    @Test
    void listenersHearChangesOnlyAndToggleFlips() {
        MuteState s = MuteState.load(dir, false);
        List<Boolean> heard = new CopyOnWriteArrayList<>();
        s.addListener(heard::add);
        s.set(false, MuteState.COMMAND);
        assertThat(s.toggle(MuteState.BUTTON)).isTrue();
        assertThat(s.toggle(MuteState.BUTTON)).isFalse();
        s.addListener(m -> {
            throw new IllegalStateException("a bad listener does not stop the others");
        });
        s.set(true, MuteState.COMMAND);
        assertThat(heard).containsExactly(true, false, true);
        assertThat(s.muted()).isTrue();
    }

    @Test
    void aChangeThatCannotBePersistedStillTakesEffect() throws Exception {
        MuteState s = MuteState.load(dir, false);
        // A directory where the temporary file should go makes the write fail, also for root.
        Files.createDirectory(dir.resolve("mute.tmp"));
        s.set(true, MuteState.BUTTON);
        assertThat(s.muted()).isTrue();
        assertThat(s.persistProblem()).contains("cannot write").contains("writable");
    }
}

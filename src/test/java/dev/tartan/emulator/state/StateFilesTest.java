package dev.tartan.emulator.state;

import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StateFilesTest {

    @TempDir
    Path dir;

    @Test
    void theNewContentReachesTheDiskBeforeTheRenameAndTheRenameAfter() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "old");
        List<String> flushed = new ArrayList<>();
        StateFiles.replace(file, "new".getBytes(StandardCharsets.UTF_8),
                path -> flushed.add((path.equals(dir) ? "the folder" : path.getFileName()) + " while the file holds " + Files.readString(file)));
        assertThat(flushed).containsExactly("state.json.tmp while the file holds old", "the folder while the file holds new");
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(dir.resolve("state.json.tmp")).doesNotExist();
    }

    @Test
    void theEmulatorsFolderIsItsOwnersOnlyEvenWhenItWasThereAlready() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path folder = Files.createDirectory(dir.resolve("emulator"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(dir).build()).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        try (var files = Files.list(folder)) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(file -> assertThat(file.getFileName().toString().equals("emulator.lock")
                    || PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).equals("rw-------")).as(file.toString()).isTrue());
        }
    }
}

package dev.tartan.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void theCommandLineOptionComesFirst() {
        Path chosen = DataDirectory.resolve(Path.of("/srv/tartan"), Map.of("TARTAN_HOME", "/elsewhere"), "Linux", HOME);
        assertThat(chosen).isEqualTo(Path.of("/srv/tartan"));
    }

    @Test
    void thenTartanHome() {
        assertThat(DataDirectory.resolve(null, Map.of("TARTAN_HOME", "/opt/t"), "Mac OS X", HOME)).isEqualTo(Path.of("/opt/t"));
        assertThat(DataDirectory.resolve(null, Map.of("TARTAN_HOME", " "), "Linux", HOME))
                .isEqualTo(Path.of("/home/ada/.local/share/tartan"));
    }

    @Test
    void linuxFollowsXdg() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", HOME)).isEqualTo(Path.of("/home/ada/.local/share/tartan"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data/ada"), "Linux", HOME))
                .isEqualTo(Path.of("/data/ada/tartan"));
        // The XDG spec says to ignore a relative value.
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", HOME))
                .isEqualTo(Path.of("/home/ada/.local/share/tartan"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Tartan"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDirectory.resolve(null, Map.of("APPDATA", "/users/ada/appdata/roaming"), "Windows 11", HOME))
                .isEqualTo(Path.of("/users/ada/appdata/roaming/Tartan"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Windows 10", HOME))
                .isEqualTo(Path.of("/home/ada/AppData/Roaming/Tartan"));
    }

    @Test
    void theVaultFileAndItsCompanionsLiveInTheDataFolder() {
        VaultLocation location = new VaultLocation(Path.of("/srv/tartan"));
        assertThat(location.file()).isEqualTo(Path.of("/srv/tartan/vault.db"));
        assertThat(location.filesOnDisk()).extracting(p -> p.getFileName().toString())
                .containsExactly("vault.db", "vault.db-wal", "vault.db-shm", "vault.db-journal");
    }
}

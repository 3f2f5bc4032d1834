package dev.tartan.ui.webhooks;

import dev.tartan.emulator.state.EmulatorIdentity;
import dev.tartan.emulator.webhooks.WebhookSigner;

import java.nio.file.Path;

/** Signs webhook bodies with the key of the app's built-in emulator, as the emulator itself signs them. */
final class EmulatorSignatures {

    private EmulatorSignatures() {
    }

    /** The signer of the emulator whose files are under {@code dataDirectory}/emulator (it must have started once). */
    static WebhookSigner of(Path dataDirectory) {
        return new WebhookSigner(EmulatorIdentity.loadOrCreate(dataDirectory.resolve("emulator")));
    }
}

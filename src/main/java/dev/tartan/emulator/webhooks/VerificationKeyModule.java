package dev.tartan.emulator.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

/** /webhook_verification_key/get: the public key that verifies the emulator's webhooks, as a JWK. */
public final class VerificationKeyModule implements EmulatorModule {
    private final WebhookSigner signer;

    public VerificationKeyModule(WebhookSigner signer) {
        this.signer = signer;
    }

    @Override
    public void register(HandlerRegistry registry) {
        registry.register("/webhook_verification_key/get", request -> {
            if (!signer.keyId().equals(request.requiredText("key_id"))) {
                throw PlaidErrors.of("INVALID_WEBHOOK_VERIFICATION_KEY_ID");
            }
            ObjectNode body = Json.object();
            body.set("key", signer.jwk());
            return Reply.json(body);
        });
    }
}

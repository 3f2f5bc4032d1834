package dev.tartan.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What makes one emulator installation itself: its API credentials and its webhook signing key
 * (EC P-256). Created once per data folder and kept in {@code credentials.json}, so a profile that
 * stored the credentials keeps working after a restart or a {@code --reset}. In memory when there is
 * no folder. The values are the emulator's own fake credentials, not anybody's Plaid secret.
 */
public final class EmulatorIdentity {
    private static final String FILE_NAME = "credentials.json";

    private final String clientId;
    private final String secret;
    private final String keyId;
    private final Instant keyCreatedAt;
    private final KeyPair signingKey;

    private EmulatorIdentity(String clientId, String secret, String keyId, Instant keyCreatedAt, KeyPair signingKey) {
        this.clientId = clientId;
        this.secret = secret;
        this.keyId = keyId;
        this.keyCreatedAt = keyCreatedAt;
        this.signingKey = signingKey;
    }

    /** The identity kept in {@code directory}, created there on first use; a new one in memory for null. */
    public static EmulatorIdentity loadOrCreate(Path directory) {
        if (directory == null) {
            return create();
        }
        Path file = directory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return read(Json.MAPPER.readTree(file.toFile()));
            }
            EmulatorIdentity identity = create();
            StateFiles.preparePrivateFolder(directory);
            StateFiles.replace(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(identity.toJson()));
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the emulator credentials in " + file, e);
        }
    }

    private static EmulatorIdentity create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new EmulatorIdentity(Ids.hex(24), secureHex(30), UUID.randomUUID().toString(),
                    Instant.now(), generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot create EC P-256 keys", e);
        }
    }

    /** The secret guards the emulator's port, so it is drawn from a secure generator. */
    private static String secureHex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    private static EmulatorIdentity read(JsonNode json) {
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            JsonNode key = json.path("signing_key");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(key.path("private_pkcs8").asText())));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(key.path("public_x509").asText())));
            return new EmulatorIdentity(json.path("client_id").asText(), json.path("secret").asText(),
                    key.path("kid").asText(), Instant.ofEpochSecond(key.path("created_at").asLong()),
                    new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the emulator credentials file is damaged; delete it to create new credentials", e);
        }
    }

    private ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("client_id", clientId);
        json.put("secret", secret);
        ObjectNode key = json.putObject("signing_key");
        key.put("kid", keyId);
        key.put("created_at", keyCreatedAt.getEpochSecond());
        key.put("private_pkcs8", Base64.getEncoder().encodeToString(signingKey.getPrivate().getEncoded()));
        key.put("public_x509", Base64.getEncoder().encodeToString(signingKey.getPublic().getEncoded()));
        return json;
    }

    public String clientId() {
        return clientId;
    }

    public String secret() {
        return secret;
    }

    public String keyId() {
        return keyId;
    }

    public Instant keyCreatedAt() {
        return keyCreatedAt;
    }

    public PrivateKey signingKey() {
        return signingKey.getPrivate();
    }

    public ECPublicKey verificationKey() {
        return (ECPublicKey) signingKey.getPublic();
    }
}

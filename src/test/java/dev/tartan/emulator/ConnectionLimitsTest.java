package dev.tartan.emulator;

import dev.tartan.emulator.wire.EmulatorServer;
import dev.tartan.testing.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a misbehaving client cannot do to the emulator: make it read a large body without
 * credentials, hold it with a request that never ends, or open connections without limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionLimitsTest {

    private ChildJvm child;
    private int port;
    private String clientId;
    private String secret;

    @BeforeAll
    void start() throws Exception {
        child = ChildJvm.start(EmulatorProcess.class);
        String[] ready = child.readLine().split(" ");
        port = Integer.parseInt(ready[0]);
        clientId = ready[1];
        secret = ready[2];
    }

    @AfterAll
    void stop() throws Exception {
        child.stdin().close();
        assertThat(child.waitFor()).isZero();
        child.close();
    }

    private Socket connect(int readTimeoutMillis) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(readTimeoutMillis);
        return socket;
    }

    private static String headers(long contentLength, String id, String key) {
        return "POST /accounts/get HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                + "\r\nPLAID-CLIENT-ID: " + id + "\r\nPLAID-SECRET: " + key + "\r\n\r\n";
    }

    @Test
    void aLargeBodyWithWrongCredentialsIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = connect(5_000)) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(10_000_000, clientId, "not-the-secret").getBytes(StandardCharsets.US_ASCII));
            out.write("{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(socket.getInputStream().readNBytes(400), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 400").contains("INVALID_API_KEYS");
        }
    }

    @Test
    void aRequestThatNeverEndsIsCutOff() throws Exception {
        try (Socket socket = connect((EmulatorServer.REQUEST_SECONDS + 10) * 1000)) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(100, clientId, secret).getBytes(StandardCharsets.US_ASCII));
            out.write("{\"access".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
            assertThat((System.nanoTime() - started) / 1_000_000_000.0).isLessThan(EmulatorServer.REQUEST_SECONDS + 5);
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < EmulatorServer.MAX_CONNECTIONS; i++) {
                held.add(connect(5_000));
            }
            try (Socket extra = connect(5_000)) {
                assertThat(extra.getInputStream().read()).as("the extra connection is closed").isEqualTo(-1);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}

package io.isthmus.connect.sparkplug;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto broker, started on a free loopback port with its own configuration file in a
 * temporary folder, and stopped (or restarted on the same port) by the test. A missing binary
 * fails the test with the package to install; it is never skipped.
 */
final class Mosquitto implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private final int tlsPort;
    private Process process;

    private Mosquitto(Path dir, int port, int tlsPort) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    private static void requireBinary() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: these tests need a real MQTT broker; install "
                    + "the Debian package 'mosquitto' (apt-get install mosquitto; .ci/run does it)");
        }
    }

    static Mosquitto start(Path dir) throws IOException, InterruptedException {
        requireBinary();
        int port = freePort();
        Files.writeString(
                dir.resolve("mosquitto.conf"),
                "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Mosquitto m = new Mosquitto(dir, port, -1);
        m.startProcess();
        return m;
    }

    /**
     * A broker with a plain listener ({@link #port()}) and a TLS one ({@link #tlsPort()}) serving
     * {@code cert}/{@code key} (PEM); with {@code clientCa}, the TLS listener demands a client
     * certificate issued by it.
     */
    static Mosquitto startWithTls(Path dir, Path cert, Path key, java.util.Optional<Path> clientCa)
            throws IOException, InterruptedException {
        requireBinary();
        int port = freePort();
        int tlsPort = freePort();
        Files.writeString(
                dir.resolve("mosquitto.conf"),
                // started as root, mosquitto drops to user 'mosquitto', who cannot read the test's
                // private temporary folder with the key: stay the user the test runs as
                "user " + System.getProperty("user.name") + "\n"
                        + "per_listener_settings false\nallow_anonymous true\npersistence false\n"
                        + "listener " + port + " 127.0.0.1\n"
                        + "listener " + tlsPort + " 127.0.0.1\ncertfile " + cert + "\nkeyfile " + key + "\n"
                        + "tls_version tlsv1.2\n"
                        + clientCa.map(ca -> "cafile " + ca + "\nrequire_certificate true\n")
                                .orElse(""));
        Mosquitto m = new Mosquitto(dir, port, tlsPort);
        m.startProcess();
        m.awaitListening(tlsPort);
        return m;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int tlsPort() {
        return tlsPort;
    }

    int port() {
        return port;
    }

    Path log() {
        return dir.resolve("mosquitto.log");
    }

    /** Kills the broker (SIGKILL: no goodbye to any client). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the broker again on the same port. */
    void restart() throws IOException, InterruptedException {
        startProcess();
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        awaitListening(port);
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "mosquitto exited with " + process.exitValue() + ": " + Files.readString(log()));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException(
                "mosquitto did not listen on " + port + " within 10s: " + Files.readString(log()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}

package io.isthmus.connect.transfer.link;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The impaired link as a process: receives UDP on one address and forwards each datagram through an
 * {@link ImpairedLink} to another, from its own socket. Runs in the middle network namespace of the
 * namespace tests, where netem would otherwise sit (the CI kernel has no sch_netem).
 *
 * <p>Arguments: {@code LISTEN_HOST LISTEN_PORT FORWARD_HOST FORWARD_PORT LOSS DUPLICATE REORDER
 * DEPTH BITFLIP SEED STATS_FILE}. Writes its counts to STATS_FILE every second and at exit.
 */
public final class ImpairmentRelay {
    private ImpairmentRelay() {}

    public static void main(String[] args) throws IOException {
        var listen = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        var forward = new InetSocketAddress(args[2], Integer.parseInt(args[3]));
        var impairment = new Impairment(
                Double.parseDouble(args[4]),
                Double.parseDouble(args[5]),
                Double.parseDouble(args[6]),
                Integer.parseInt(args[7]),
                Double.parseDouble(args[8]),
                Long.parseLong(args[9]));
        Path stats = Path.of(args[10]);
        var link = new ImpairedLink(impairment);
        try (var in = new DatagramSocket(listen);
                var out = new DatagramSocket()) {
            in.setReceiveBufferSize(4 * 1024 * 1024);
            out.setSendBufferSize(4 * 1024 * 1024);
            in.setSoTimeout(1000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> write(stats, link)));
            byte[] buf = new byte[65_536];
            var packet = new DatagramPacket(buf, buf.length);
            long nextStats = System.nanoTime();
            while (true) {
                try {
                    packet.setLength(buf.length);
                    in.receive(packet);
                    link.offer(buf, packet.getLength(), d -> send(out, d, forward));
                } catch (java.net.SocketTimeoutException idle) {
                    link.flush(d -> send(out, d, forward));
                }
                if (System.nanoTime() - nextStats > 0) {
                    write(stats, link);
                    nextStats = System.nanoTime() + 1_000_000_000L;
                }
            }
        }
    }

    private static void send(DatagramSocket out, byte[] d, InetSocketAddress to) {
        try {
            out.send(new DatagramPacket(d, d.length, to));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static synchronized void write(Path stats, ImpairedLink link) {
        try {
            Path tmp = stats.resolveSibling(stats.getFileName() + ".tmp");
            Files.writeString(tmp, link.summary() + "\n");
            Files.move(
                    tmp,
                    stats,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the test reads the last complete copy
        }
    }
}

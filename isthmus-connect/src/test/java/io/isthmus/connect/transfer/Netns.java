package io.isthmus.connect.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Three network namespaces made and removed by the test: sender, link (the impairment relay) and
 * receiver, joined by two veth pairs on private 10.201.x.0/24 networks that exist only inside them.
 * The receiver's interface has ARP off and IPv6 disabled, and the link knows its MAC statically, so
 * a correct receiver has no reason to emit a single frame, and a capture on it can show that.
 */
final class Netns implements AutoCloseable {
    static final String SENDER_IP = "10.201.1.1";
    static final String LINK_IN_IP = "10.201.1.2";
    static final String LINK_OUT_IP = "10.201.2.1";
    static final String RECEIVER_IP = "10.201.2.2";

    final String sender;
    final String link;
    final String receiver;
    final String receiverIf;
    String receiverMac;
    private final Path logs;
    private final List<Process> processes = new ArrayList<>();

    Netns(String tag, Path logs) {
        this.sender = "isd" + tag + "s";
        this.link = "isd" + tag + "l";
        this.receiver = "isd" + tag + "r";
        this.receiverIf = "isd" + tag + "r0";
        this.logs = logs;
    }

    /** Whether this process can make namespaces: root and an ip command. */
    static String unavailableReason() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!"0".equals(uid)) {
                return "network namespaces need root (uid is " + uid + ")";
            }
            Process ip =
                    new ProcessBuilder("ip", "-V").redirectErrorStream(true).start();
            if (ip.waitFor() != 0) {
                return "the ip command (Debian package iproute2) does not run";
            }
            return null;
        } catch (IOException | InterruptedException e) {
            return "cannot run id/ip: " + e.getMessage();
        }
    }

    void create() throws Exception {
        for (String ns : List.of(sender, link, receiver)) {
            run("ip", "netns", "add", ns);
            run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        String sv = "isd" + tagOf() + "s0";
        String lin = "isd" + tagOf() + "l0";
        String lout = "isd" + tagOf() + "l1";
        run("ip", "-n", sender, "link", "add", sv, "type", "veth", "peer", "name", lin, "netns", link);
        run("ip", "-n", link, "link", "add", lout, "type", "veth", "peer", "name", receiverIf, "netns", receiver);
        run("ip", "-n", sender, "addr", "add", SENDER_IP + "/24", "dev", sv);
        run("ip", "-n", link, "addr", "add", LINK_IN_IP + "/24", "dev", lin);
        run("ip", "-n", link, "addr", "add", LINK_OUT_IP + "/24", "dev", lout);
        run("ip", "netns", "exec", receiver, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        run("ip", "netns", "exec", receiver, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
        run("ip", "netns", "exec", receiver, "sysctl", "-qw", "net.ipv6.conf." + receiverIf + ".disable_ipv6=1");
        run("ip", "-n", receiver, "link", "set", receiverIf, "arp", "off");
        run("ip", "-n", receiver, "addr", "add", RECEIVER_IP + "/24", "dev", receiverIf);
        String show = run("ip", "-n", receiver, "-br", "link", "show", receiverIf);
        receiverMac = show.trim().split("\\s+")[2];
        run("ip", "-n", link, "neigh", "add", RECEIVER_IP, "lladdr", receiverMac, "dev", lout, "nud", "permanent");
        run("ip", "-n", sender, "link", "set", sv, "up");
        run("ip", "-n", link, "link", "set", lin, "up");
        run("ip", "-n", link, "link", "set", lout, "up");
        run("ip", "-n", receiver, "link", "set", receiverIf, "up");
    }

    private String tagOf() {
        return sender.substring(3, sender.length() - 1);
    }

    /** Starts {@code command} inside namespace {@code ns}; stdout and stderr go to a log file. */
    Process start(String ns, String name, String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile())
                .start();
        processes.add(p);
        return p;
    }

    /** A JVM running {@code main} with the test class path inside {@code ns}. */
    Process java(String ns, String name, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"),
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return start(ns, name, command.toArray(String[]::new));
    }

    static void signal(Process p, String signal) throws Exception {
        run("kill", "-" + signal, Long.toString(p.pid()));
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    /** Stops every process started here except {@code keep}. */
    void stopAllExcept(Process keep) throws InterruptedException {
        for (Process p : processes) {
            if (p != keep && p.isAlive()) {
                stop(p);
            }
        }
    }

    /**
     * The kernel's UDP counters inside {@code ns} ({@code /proc/net/snmp}): a non-zero
     * RcvbufErrors means datagrams were dropped by a full socket buffer, not by the relay.
     */
    String udpCounters(String ns) {
        try {
            return output("ip", "netns", "exec", ns, "cat", "/proc/net/snmp")
                    .lines()
                    .filter(l -> l.startsWith("Udp:"))
                    .reduce((a, b) -> a + " / " + b)
                    .orElse("no Udp line");
        } catch (Exception e) {
            return "no UDP counters: " + e.getMessage();
        }
    }

    /** Runs {@code command}, returns its standard output; standard error is dropped. */
    static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes) {
            if (p.isAlive()) {
                stop(p);
            }
        }
        for (String ns : List.of(sender, link, receiver)) {
            new ProcessBuilder("ip", "netns", "del", ns).start().waitFor();
        }
    }
}

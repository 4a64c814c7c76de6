package io.isthmus.connect.transfer;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalLockedException;
import io.isthmus.connect.transfer.receive.Delivery;
import io.isthmus.connect.transfer.receive.DiodeReceiver;
import io.isthmus.connect.transfer.receive.Gap;
import io.isthmus.connect.transfer.receive.ReceiverConfig;
import io.isthmus.connect.transfer.receive.RecordingSink;
import io.isthmus.connect.transfer.send.DiodeSender;
import io.isthmus.connect.transfer.send.PacingRamp;
import io.isthmus.connect.transfer.send.ReplayRequests;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One end of the transfer as its own JVM, for the namespace tests (run with {@code ip netns exec}).
 *
 * <pre>
 * send    JOURNAL_DIR HOST PORT RATE_BITS OVERHEAD LINGER_SECONDS CONSUMER [FRAGMENT_BYTES [BATCH_BYTES [HAND_OFF]]]
 *                                                                   forward, then heartbeat
 * replay  JOURNAL_DIR HOST PORT RATE_BITS FROM TO                   re-send journal ids FROM..TO
 * receive HOST PORT STATUS_FILE [RECEIVE_BUFFER]                    receive until SIGTERM
 * fill    JOURNAL_DIR RECORDS SEED                                  make a journal of sample batches
 * bench-receive HOST PORT RESULT_FILE RECORDS [RECEIVE_BUFFER]      count until RECORDS arrived, then exit
 * </pre>
 *
 * {@code send} and {@code bench-receive} also print a {@code steady:} line: payload rate and
 * process CPU seconds per Gbit of payload between 20 % (the system property {@code
 * isthmus.transfer.steadyFrom}, in percent) and 90 % of the records, i.e. after JVM start and JIT
 * warm-up and before the tail (the benchmark's steady state).
 *
 * <p>{@code send} takes its start-up ramp from the system property {@code isthmus.transfer.ramp},
 * {@code FRACTION,SECONDS} (e.g. {@code 0.25,3}; {@code 1,0} for none), or the product's default.
 *
 * The receiver rewrites STATUS_FILE (atomically) every 200 ms and at exit: {@code records N},
 * {@code digest HEX}, {@code epochs E1,E2}, then one {@code gap ...} line per gap.
 */
public final class TransferProcess {
    private TransferProcess() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "send" -> send(args);
            case "replay" -> replay(args);
            case "receive" -> receive(args);
            case "fill" -> fill(args);
            case "bench-receive" -> benchReceive(args);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static SenderConfig config(String[] args, double overhead) {
        return config(args, overhead, "diode");
    }

    private static SenderConfig config(String[] args, double overhead, String consumer) {
        return SenderConfig.create(
                new InetSocketAddress(args[2], Integer.parseInt(args[3])),
                b -> b.rateBitsPerSecond(Long.parseLong(args[4]))
                        .fecOverhead(overhead)
                        .heartbeatInterval(Duration.ofMillis(200))
                        .consumerName(consumer)
                        .ramp(ramp()));
    }

    /** The ramp of system property {@code isthmus.transfer.ramp} ({@code FRACTION,SECONDS}), else the default. */
    private static PacingRamp ramp() {
        String text = System.getProperty("isthmus.transfer.ramp");
        if (text == null || text.isBlank()) {
            return PacingRamp.DEFAULT;
        }
        String[] parts = text.split(",");
        return new PacingRamp(
                Double.parseDouble(parts[0]), Duration.ofMillis(Math.round(Double.parseDouble(parts[1]) * 1000)));
    }

    private static void send(String[] args) throws Exception {
        var base = config(args, Double.parseDouble(args[5]), args[7]);
        var config = args.length > 8
                ? SenderConfig.create(
                        base.destination(),
                        b -> b.rateBitsPerSecond(base.rateBitsPerSecond())
                                .fecOverhead(base.fecOverhead())
                                .heartbeatInterval(base.heartbeatInterval())
                                .consumerName(base.consumerName())
                                .ramp(base.ramp())
                                .fragmentBytes(Integer.parseInt(args[8]))
                                .maxBatchBytes(args.length > 9 ? Integer.parseInt(args[9]) : 64 * 1024)
                                .handOffBatches(
                                        args.length > 10 ? Integer.parseInt(args[10]) : SenderConfig.DEFAULT_HAND_OFF))
                : base;
        long linger = Long.parseLong(args[6]) * 1_000_000_000L;
        var timeline = new RateTimeline();
        timeline.mark("main");
        try (Journal journal = Journal.open(TransferData.journalConfig(Path.of(args[1])));
                DiodeSender sender = DiodeSender.udp(config)) {
            timeline.mark("journal_open");
            System.out.println("journal opened: " + journal.recoveryReport().summary());
            timeline.start(() -> sender.status().payloadBytes());
            long target = journal.lastSequence();
            long[] doneAt = {0};
            var window = new SteadyWindow(target);
            sender.forward(
                    journal,
                    () -> {
                        window.observe(
                                journal.consumer(config.consumerName()).committed(),
                                sender.status().payloadBytes());
                        if (doneAt[0] == 0
                                && journal.consumer(config.consumerName()).committed() >= target) {
                            doneAt[0] = System.nanoTime();
                            timeline.mark("all_committed");
                        }
                        return doneAt[0] == 0 || System.nanoTime() - doneAt[0] < linger;
                    },
                    ReplayRequests.besideJournal(Path.of(args[1])));
            System.out.println("sent " + sender.status());
            System.out.println(window.report());
            timeline.stop();
            System.out.println(timeline.report());
        }
    }

    /**
     * Process CPU and payload between 20 % and 90 % of {@code total} records: the steady state, after
     * JVM start, before the tail. Called from the thread that moves the data.
     *
     * <p>The JIT is not over by 20 %: in a 15-second run the C1 and C2 compiler threads still took
     * about a third of either process's CPU inside the window (perf, diode12), recompiling the
     * encoder and the reassembler as new branches were taken. A long-running sender and receiver
     * pay that once, so the report also gives the compiler threads' CPU in the window (Linux: their
     * {@code /proc/self/task} entries; -1 where that cannot be read) and the CPU per Gbit without it.
     */
    static final class SteadyWindow {
        private final long startAt;
        private final long endAt;
        private long[] start;
        private long[] end;

        SteadyWindow(long total) {
            this(total, Integer.getInteger("isthmus.transfer.steadyFrom", 20));
        }

        /** The window from {@code fromPercent} % of the records (the warm-up before it) to 90 %. */
        SteadyWindow(long total, int fromPercent) {
            if (fromPercent < 0 || fromPercent >= 90) {
                throw new IllegalArgumentException(
                        "the steady window starts at 0..89 % of the records, not " + fromPercent);
            }
            this.startAt = total * fromPercent / 100;
            this.endAt = total * 9 / 10;
        }

        void observe(long recordsSoFar, long payloadBytes) {
            if (start == null && recordsSoFar >= startAt) {
                start = new long[] {System.nanoTime(), cpuNanos(), payloadBytes, CompilerThreads.cpuNanos()};
            } else if (start != null && end == null && recordsSoFar >= endAt) {
                end = new long[] {System.nanoTime(), cpuNanos(), payloadBytes, CompilerThreads.cpuNanos()};
            }
        }

        String report() {
            if (start == null || end == null || end[2] == start[2]) {
                return "steady: window not reached";
            }
            double seconds = (end[0] - start[0]) / 1e9;
            double gbit = (end[2] - start[2]) * 8 / 1e9;
            double cpu = (end[1] - start[1]) / 1e9;
            double jit = start[3] < 0 || end[3] < 0 ? -1 : (end[3] - start[3]) / 1e9;
            return String.format(
                    java.util.Locale.ROOT,
                    "steady: window_s %.3f payload_mbit_s %.1f cpu_s %.3f cpu_s_per_gbit %.3f jit_cpu_s %.3f"
                            + " cpu_s_per_gbit_without_jit %.3f",
                    seconds,
                    gbit * 1000 / seconds,
                    cpu,
                    cpu / gbit,
                    jit,
                    jit < 0 ? -1 : (cpu - jit) / gbit);
        }

        static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /**
     * The receiver's first seconds of traffic: when the delivered payload first reaches 0 (the first
     * delivery), 50, 100, 200 and 400 MB, the wall time since the first delivery and the CPU so far
     * of the receive thread, of the whole process (JVM start and any warm-up included) and of the
     * compiler threads. The receive thread's CPU per MB between two marks is what the cold path
     * costs; on a quiet machine one core's worth of it is the receiver's rate then.
     */
    static final class EarlyCost {
        private static final long[] MARKS_MB = {0, 50, 100, 200, 400};
        private final long[][] at = new long[MARKS_MB.length][];
        private final java.util.concurrent.atomic.AtomicLong receiveThread =
                new java.util.concurrent.atomic.AtomicLong(-1);
        private int next;

        void receiveThread(Thread t) {
            receiveThread.set(t.threadId());
        }

        /** From the sink's thread, after each delivery. */
        void observe(long payloadBytes) {
            while (next < MARKS_MB.length && payloadBytes >= MARKS_MB[next] * 1_000_000L && payloadBytes > 0) {
                long id = receiveThread.get();
                at[next++] = new long[] {
                    System.nanoTime(),
                    id < 0
                            ? -1
                            : java.lang.management.ManagementFactory.getThreadMXBean()
                                    .getThreadCpuTime(id),
                    SteadyWindow.cpuNanos(),
                    CompilerThreads.cpuNanos()
                };
            }
        }

        String report() {
            StringBuilder out = new StringBuilder("early: at_mb");
            String[] names = {" wall_ms", " recv_cpu_ms", " process_cpu_ms", " jit_cpu_ms"};
            for (long mb : MARKS_MB) {
                out.append(mb == 0 ? " " : "/").append(mb);
            }
            for (int f = 0; f < names.length; f++) {
                out.append(names[f]);
                for (int i = 0; i < at.length; i++) {
                    long v = at[i] == null ? -1 : f == 0 ? (at[i][0] - at[0][0]) : at[i][f];
                    out.append(i == 0 ? " " : "/").append(v < 0 ? -1 : v / 1_000_000);
                }
            }
            return out.toString();
        }
    }

    /** The CPU the JVM's compiler threads ("C1 CompilerThre…", "C2 CompilerThre…") used so far. */
    static final class CompilerThreads {
        private static final Path TASKS = Path.of("/proc/self/task");
        private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ, 100 on Linux

        private CompilerThreads() {}

        /** Nanoseconds of user + system time of the compiler threads alive now; -1 if unreadable. */
        static long cpuNanos() {
            try (var tasks = Files.list(TASKS)) {
                long ticks = 0;
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    ticks += compilerTicks(task);
                }
                return (long) (ticks * NANOS_PER_TICK);
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }

        private static long compilerTicks(Path task) {
            try {
                String comm = Files.readAllLines(task.resolve("comm")).getFirst();
                if (!comm.contains("CompilerThre")) {
                    return 0;
                }
                String stat = Files.readAllLines(task.resolve("stat")).getFirst();
                // fields after the parenthesised name: state is field 3, utime 14, stime 15
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (java.io.IOException | RuntimeException vanished) {
                return 0; // the thread ended between the listing and the read
            }
        }
    }

    private static void replay(String[] args) throws Exception {
        var config = config(args, 0.25);
        long from = Long.parseLong(args[5]);
        long to = Long.parseLong(args[6]);
        Path dir = Path.of(args[1]);
        Journal journal;
        try {
            journal = Journal.open(TransferData.journalConfig(dir));
        } catch (JournalLockedException running) {
            Path request = ReplayRequests.besideJournal(dir).submit(from, to);
            Path done = ReplayRequests.doneFile(request);
            for (int i = 0; i < 600 && !Files.exists(done); i++) {
                Thread.sleep(100);
            }
            System.out.println(
                    "queued for the running sender: " + Files.readString(done).trim());
            return;
        }
        try (journal;
                DiodeSender sender = DiodeSender.udp(config)) {
            long sent = sender.replay(journal, from, to);
            System.out.println("replayed " + sent + " records, " + sender.status());
        }
    }

    private static void receive(String[] args) throws Exception {
        var listen = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        Path status = Path.of(args[3]);
        var sink = new RecordingSink();
        var config = ReceiverConfig.defaults(listen);
        if (args.length > 4) {
            config = config.withReceiveBufferBytes(Integer.parseInt(args[4]));
        }
        var receiver = new DiodeReceiver(config, sink);
        var runner = Thread.ofPlatform().name("receiver").start(() -> {
            try {
                receiver.run();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            try {
                runner.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            write(status, sink);
        }));
        System.out.println("receiving on " + receiver.localAddress() + ", buffer " + receiver.receiveBufferBytes());
        while (runner.isAlive()) {
            write(status, sink);
            Thread.sleep(200);
        }
    }

    /** Ids as compact ranges: 1-500,502,504-900. */
    static String ranges(java.util.SortedSet<Long> ids) {
        StringBuilder out = new StringBuilder();
        long start = -1;
        long previous = -2;
        for (long id : ids) {
            if (id != previous + 1) {
                append(out, start, previous);
                start = id;
            }
            previous = id;
        }
        append(out, start, previous);
        return out.toString();
    }

    private static void append(StringBuilder out, long start, long end) {
        if (start < 0) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append(start);
        if (end > start) {
            out.append('-').append(end);
        }
    }

    private static void write(Path status, RecordingSink sink) {
        List<String> lines = new ArrayList<>();
        synchronized (sink) {
            lines.add("records " + sink.records.size());
            lines.add("digest " + TransferData.digest(sink.records.values()));
            lines.add("ids " + ranges(new java.util.TreeSet<>(sink.records.keySet())));
            lines.add("epochs "
                    + sink.deliveries.stream()
                            .map(Delivery::epoch)
                            .distinct()
                            .map(String::valueOf)
                            .reduce((a, b) -> a + "," + b)
                            .orElse(""));
            for (Gap g : sink.gaps) {
                lines.add("gap " + g.epoch() + " " + g.firstSequence() + " " + g.lastSequence() + " " + g.firstRecord()
                        + " " + g.lastRecord() + " " + g.records() + " " + g.unknownBatches() + " " + g.replayFrom()
                        + " " + g.replayTo());
            }
        }
        try {
            Path tmp = status.resolveSibling(status.getFileName() + ".tmp");
            Files.write(tmp, lines);
            Files.move(tmp, status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void fill(String[] args) {
        try (Journal journal = Journal.open(TransferData.journalConfig(Path.of(args[1])))) {
            TransferData.fill(journal, Integer.parseInt(args[2]), 40, Long.parseLong(args[3]));
            System.out.println("journal " + args[1] + ": " + journal.lastSequence() + " records, " + journal.stats());
        }
    }

    private static final String RECEIVE_THREAD = "diode-receive";

    /**
     * Context switches of the receive loop's thread over its life (Linux: voluntary and involuntary
     * from its {@code /proc/self/task} entry; -1 where that cannot be read): how often it went to
     * sleep and was woken, which CPU-s per Gbit on a loaded machine cannot separate from the noise.
     */
    private static long receiveThreadSwitches() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readAllLines(task.resolve("comm")).getFirst().trim().equals(RECEIVE_THREAD)) {
                    long sum = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum += Long.parseLong(
                                    line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    return sum;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Collections and their summed time over the process's life (a receiver paused by the GC does not read). */
    private static String gcReport() {
        long count = 0;
        long millis = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return "gc_count " + count + " gc_ms " + millis;
    }

    /**
     * The benchmark's receiver: counts payload and times first to last delivery, with nothing else
     * on its thread; exits when RECORDS distinct ids arrived (or after 120 s without progress).
     */
    private static void benchReceive(String[] args) throws Exception {
        var listen = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        long wanted = Long.parseLong(args[4]);
        var ids = new java.util.BitSet();
        long[] bytes = {0};
        var payload = new java.util.concurrent.atomic.AtomicLong(); // bytes[0], for the timeline's thread
        long[] times = {0, 0};
        long[] lastEpochMs = {0};
        var timeline = new RateTimeline();
        timeline.mark("main");
        long[] gaps = {0};
        var distinct = new java.util.concurrent.atomic.AtomicLong();
        var window = new SteadyWindow(wanted);
        var early = new EarlyCost();
        var sink = new io.isthmus.connect.transfer.receive.TransferSink() {
            @Override
            public void deliver(Delivery d) {
                if (times[0] == 0) {
                    times[0] = System.nanoTime();
                }
                for (var r : d.records()) {
                    if (!ids.get((int) r.sequence())) {
                        ids.set((int) r.sequence());
                        distinct.incrementAndGet();
                        bytes[0] += r.payload().length;
                    }
                }
                times[1] = System.nanoTime();
                lastEpochMs[0] = System.currentTimeMillis();
                payload.set(bytes[0]);
                window.observe(distinct.get(), bytes[0]);
                early.observe(bytes[0]);
            }

            @Override
            public void lost(Gap gap) {
                if (gaps[0] == 0) {
                    timeline.mark("first_gap");
                }
                gaps[0] += gap.batches();
            }
        };
        var config = ReceiverConfig.defaults(listen);
        if (args.length > 5) {
            config = config.withReceiveBufferBytes(Integer.parseInt(args[5]));
        }
        Integer reorder = Integer.getInteger("isthmus.transfer.reorderWindow");
        if (reorder != null) { // an experiment's knob (TRANSFER_JAVA_OPTS): the product's default otherwise
            config = config.withReorderWindow(reorder);
        }
        Long held = Long.getLong("isthmus.transfer.maxBuffered");
        if (held != null) { // the same, for ReceiverConfig.maxBufferedBytes
            config = new ReceiverConfig(
                    config.listen(),
                    config.reorderWindow(),
                    config.gapTimeout(),
                    held,
                    config.maxSessions(),
                    config.receiveBufferBytes(),
                    config.limits(),
                    config.warmUp());
        }
        Long warmUpMillis = Long.getLong("isthmus.transfer.warmUpMillis");
        if (warmUpMillis != null) { // the same, for ReceiverConfig.warmUp (0: none)
            config = config.withWarmUp(java.time.Duration.ofMillis(warmUpMillis));
        }
        var receiver = new DiodeReceiver(config, sink);
        int receiveBuffer = receiver.receiveBufferBytes();
        boolean receiveBufferCapped = receiver.receiveBufferCapped();
        var queue = new SocketQueueSampler(receiver.localAddress().getPort(), receiveBuffer, 5_000_000)
                .marking(timeline::mark);
        queue.start();
        timeline.mark("socket_open");
        timeline.start(payload::get);
        var runner = Thread.ofPlatform().name(RECEIVE_THREAD).unstarted(() -> {
            try {
                receiver.run();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
        early.receiveThread(runner);
        runner.start();
        long lastProgress = System.nanoTime();
        long lastCount = 0;
        while (true) {
            Thread.sleep(100);
            long count = distinct.get();
            if (count >= wanted) {
                break;
            }
            if (count != lastCount) {
                lastCount = count;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > (count == 0 ? 120_000_000_000L : 15_000_000_000L)) {
                // a run that lost batches never reaches RECORDS: stop 15 s after the last delivery (the
                // sender's tail gaps are given up 2 s after its last heartbeat) instead of 120 s, which
                // added ~5 CPU-s of the samplers' idle polling to such a run's receiver CPU
                break;
            }
        }
        timeline.stop();
        long switches = receiveThreadSwitches(); // while the thread (and its /proc entry) still exists
        receiver.close();
        runner.join();
        String queueReport = queue.stopAndReport();
        var status = receiver.status();
        queueReport += String.format(
                java.util.Locale.ROOT,
                " datagrams %d receive_thread_switches %d switches_per_datagram %.3f",
                status.datagrams(),
                switches,
                switches < 0 ? -1.0 : (double) switches / Math.max(1, status.datagrams()));
        double seconds = (times[1] - times[0]) / 1e9;
        String result = String.format(
                java.util.Locale.ROOT,
                "records %d payload_bytes %d seconds %.3f payload_mbit_s %.1f recovered %d lost_batches %d"
                        + " bad_frames %s duplicates %d receive_buffer %d%s %s %s last_delivery_epoch_ms %d %s%n%s%n",
                ids.cardinality(),
                bytes[0],
                seconds,
                bytes[0] * 8 / seconds / 1e6,
                status.recoveredBatches(),
                gaps[0],
                status.badFrames(),
                status.duplicateFrames(),
                receiveBuffer,
                receiveBufferCapped ? " (capped by rmem_max)" : "",
                queueReport,
                gcReport(),
                lastEpochMs[0],
                window.report() + " " + early.report(),
                timeline.report());
        Files.writeString(Path.of(args[3]), result);
        System.out.print(result);
    }
}

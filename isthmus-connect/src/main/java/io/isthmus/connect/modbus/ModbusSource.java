package io.isthmus.connect.modbus;

import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.modbus.ModbusCommException.Kind;
import io.isthmus.connect.poll.Backoff;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.connect.poll.SampleSink;
import io.isthmus.connect.poll.TokenBucket;
import io.isthmus.model.Quality;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.PackedBits;
import io.isthmus.wire.modbus.Registers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Polls the tags of one Modbus device over one connection, on one virtual thread.
 *
 * <p>Tags are grouped by poll rate and coalesced per group into blocks ({@link BlockPlanner}). Every
 * request first takes a token from the source's {@link TokenBucket}, and only one request is in
 * flight, so the device never sees more than its {@link io.isthmus.connect.config.RequestBudget}
 * however many tags are configured; a group that cannot be served within its period falls behind,
 * and a watchdog marks its tags STALE after {@code staleAfterPeriods} periods without a good read.
 *
 * <p>Quality: a good read gives GOOD samples (through the deadband); an exception response makes
 * the tags of that block alone BAD_DEVICE; any connection failure closes the connection, makes every
 * tag BAD_COMM once, and reconnects after an exponential backoff with jitter. The source time of a
 * sample is the time its response arrived. The state is observable at any time and every
 * transition goes to the state listener.
 */
public final class ModbusSource implements AutoCloseable {
    /** Staleness is judged in whole periods; checking more often than every 100 ms buys nothing. */
    private static final long WATCHDOG_MIN_TICK_NANOS = 100_000_000L;

    private final SourceConfig config;
    private final SampleSink sink;
    private final Consumer<ConnectionState> stateListener;
    private final PollListener pollListener;
    private final Clock clock;
    private final Backoff backoff;
    private final TokenBucket bucket;
    private final List<PollGroup> groups = new ArrayList<>();
    private final List<BlockReporter> reporters = new ArrayList<>();
    /** The tag values of each read of the current window; the poller's alone. */
    private final int[] windowValues;

    private final LongAdder requests = new LongAdder();
    private final LongAdder responses = new LongAdder();
    private final LongAdder exceptionResponses = new LongAdder();
    private final LongAdder commErrors = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAdder tagValues = new LongAdder();

    private volatile ConnectionState state = new ConnectionState.Connecting(1);
    private volatile boolean running;
    private volatile ModbusConnection connection;
    private Thread poller;
    private Thread watchdog;
    private int failures;

    public ModbusSource(
            SourceConfig config,
            List<TagConfig> tagConfigs,
            SampleSink sink,
            Consumer<ConnectionState> stateListener,
            PollListener pollListener,
            Clock clock,
            RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.stateListener = Objects.requireNonNull(stateListener, "stateListener");
        this.pollListener = Objects.requireNonNull(pollListener, "pollListener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(config.backoff(), random);
        this.bucket = new TokenBucket(
                config.budget().requestsPerSecond(), config.budget().burst());
        Map<Duration, List<PolledTag>> byRate = new TreeMap<>();
        long now = System.nanoTime();
        for (TagConfig t : tagConfigs) {
            if (!t.source().equals(config.id())) {
                throw new IllegalArgumentException(
                        t.path() + " belongs to source " + t.source() + ", not " + config.id());
            }
            var polled = new PolledTag(t);
            byRate.computeIfAbsent(t.pollRate(config), r -> new ArrayList<>()).add(polled);
        }
        int window = ModbusConnection.maxInFlight(config);
        byRate.forEach((rate, list) -> groups.add(new PollGroup(rate, BlockPlanner.plan(list, config), window, now)));
        groups.forEach(g -> reporters.addAll(g.reporters));
        windowValues = new int[window];
    }

    /** A source with the system clock and no poll listener. */
    public static ModbusSource create(
            SourceConfig config, List<TagConfig> tags, SampleSink sink, Consumer<ConnectionState> stateListener) {
        return new ModbusSource(
                config, tags, sink, stateListener, PollListener.NONE, Clock.systemUTC(), RandomGenerator.getDefault());
    }

    public synchronized void start() {
        if (poller != null) {
            throw new IllegalStateException("source " + config.id() + " already started");
        }
        running = true;
        poller = (Boolean.getBoolean("isthmus.modbus.platformThreads")
                        ? Thread.ofPlatform().daemon()
                        : Thread.ofVirtual())
                .name("modbus-poll-" + config.id())
                .start(this::run);
        watchdog = Thread.ofVirtual().name("modbus-stale-" + config.id()).start(this::watchStaleness);
    }

    public ConnectionState state() {
        return state;
    }

    public SourceConfig config() {
        return config;
    }

    /** The planned reads, per poll rate. */
    public Map<Duration, List<ReadBlock>> plan() {
        Map<Duration, List<ReadBlock>> plan = new TreeMap<>();
        groups.forEach(g -> plan.put(g.period, g.blocks));
        return plan;
    }

    public SourceStats stats() {
        return new SourceStats(
                requests.sum(),
                responses.sum(),
                exceptionResponses.sum(),
                commErrors.sum(),
                connects.sum(),
                tagValues.sum());
    }

    /** Stops polling, closes the connection and waits (bounded) for the threads to end. */
    @Override
    public void close() {
        Thread p;
        Thread w;
        synchronized (this) {
            running = false;
            p = poller;
            w = watchdog;
        }
        ModbusConnection c = connection;
        if (c != null) {
            c.close();
        }
        for (Thread t : new Thread[] {p, w}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        setState(new ConnectionState.Stopped());
    }

    private void run() {
        try {
            while (running) {
                setState(new ConnectionState.Connecting(failures + 1));
                try {
                    connection = ModbusConnection.open(config);
                    connects.increment();
                    setState(new ConnectionState.Connected(clock.instant()));
                    pollWhileConnected(connection);
                } catch (ModbusCommException e) {
                    if (!running) {
                        break;
                    }
                    onFailure(e);
                } catch (RuntimeException e) {
                    // a bug of ours or a sink that threw: never leave a silent, dead poller behind
                    if (!running) {
                        break;
                    }
                    onFailure(new ModbusCommException(Kind.IO_ERROR, "poller failed: " + e, e));
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (Error e) {
            setState(new ConnectionState.BackingOff(
                    clock.instant().plus(Duration.ofDays(365)), "poller died: " + e, failures));
            throw e;
        } finally {
            ModbusConnection c = connection;
            if (c != null) {
                c.close();
            }
        }
    }

    private void onFailure(ModbusCommException e) throws InterruptedException {
        commErrors.increment();
        ModbusConnection c = connection;
        if (c != null) {
            c.close();
        }
        Instant now = clock.instant();
        failures++;
        try {
            for (BlockReporter r : reporters) {
                r.bad(Quality.BAD_COMM, now, sink);
            }
        } catch (RuntimeException sinkFailure) {
            e.addSuppressed(sinkFailure); // the state below still tells the truth; the retry tries the sink again
        }
        Duration delay = backoff.delay(failures);
        setState(new ConnectionState.BackingOff(now.plus(delay), e.getMessage(), failures));
        TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }

    private void pollWhileConnected(ModbusConnection c) throws ModbusCommException, InterruptedException {
        long now = System.nanoTime();
        groups.forEach(g -> g.nextDue = now);
        while (running) {
            PollGroup g = nextDue(now);
            if (g == null) {
                TimeUnit.SECONDS.sleep(1);
                continue;
            }
            long wait = g.nextDue - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            for (int w = 0; w < g.windows.size(); w++) {
                poll(c, g.windows.get(w), g.requests.get(w));
            }
            g.advance(System.nanoTime());
        }
    }

    /** The group due first (no stream per cycle: this runs between every two poll cycles). */
    private PollGroup nextDue(long now) {
        PollGroup first = null;
        for (PollGroup g : groups) {
            if (first == null || g.nextDue - now < first.nextDue - now) {
                first = g;
            }
        }
        return first;
    }

    /**
     * Reads one window of blocks: a token per request first, then the requests together (one when
     * the budget allows one in flight). The latency reported for each block is the window's.
     */
    private void poll(ModbusConnection c, List<BlockReporter> blocks, List<ModbusRequest> window)
            throws ModbusCommException, InterruptedException {
        for (int i = 0; i < blocks.size(); i++) {
            bucket.acquire();
        }
        if (!running) {
            throw new InterruptedException("stopped");
        }
        requests.add(blocks.size());
        long t0 = System.nanoTime();
        List<ModbusResponse> answers = c.executeAll(window);
        long t1 = System.nanoTime();
        Instant time = clock.instant();
        int[] values = windowValues;
        for (int i = 0; i < blocks.size(); i++) {
            values[i] = deliver(blocks.get(i), answers.get(i), time, t1);
        }
        failures = 0; // only responses that passed every check end a failure streak
        for (int i = 0; i < blocks.size(); i++) {
            pollListener.polled(blocks.get(i).block(), t1 - t0, values[i]);
        }
    }

    private int deliver(BlockReporter block, ModbusResponse response, Instant time, long nanos)
            throws ModbusCommException {
        return switch (response) {
            case ModbusResponse.ExceptionResponse x -> {
                exceptionResponses.increment();
                block.bad(Quality.BAD_DEVICE, time, sink);
                yield 0;
            }
            case ModbusResponse.ReadHoldingRegisters r -> registers(block, r.registers(), time, nanos);
            case ModbusResponse.ReadInputRegisters r -> registers(block, r.registers(), time, nanos);
            case ModbusResponse.ReadCoils r -> bits(block, r.coils(), time, nanos);
            case ModbusResponse.ReadDiscreteInputs r -> bits(block, r.inputs(), time, nanos);
            default -> throw new ModbusCommException(Kind.UNEXPECTED_RESPONSE, "not a read response: " + response);
        };
    }

    private int registers(BlockReporter block, Registers words, Instant time, long nanos) throws ModbusCommException {
        int quantity = block.block().quantity();
        if (words.size() != quantity) {
            throw new ModbusCommException(
                    Kind.UNEXPECTED_RESPONSE, words.size() + " registers in the response to a read of " + quantity);
        }
        responses.increment();
        block.registers(words, time, nanos, sink);
        tagValues.add(block.size());
        return block.size();
    }

    private int bits(BlockReporter block, PackedBits packed, Instant time, long nanos) throws ModbusCommException {
        int quantity = block.block().quantity();
        if (packed.byteCount() != PackedBits.byteCountFor(quantity)) {
            throw new ModbusCommException(
                    Kind.UNEXPECTED_RESPONSE,
                    packed.byteCount() + " bytes of bits in the response to a read of " + quantity);
        }
        responses.increment();
        block.bits(packed, time, nanos, sink);
        tagValues.add(block.size());
        return block.size();
    }

    private void watchStaleness() {
        long tick = groups.stream().mapToLong(g -> g.periodNanos).min().orElse(1_000_000_000L);
        try {
            while (running) {
                TimeUnit.NANOSECONDS.sleep(Math.max(tick, WATCHDOG_MIN_TICK_NANOS));
                if (!(state instanceof ConnectionState.Connected)) {
                    continue;
                }
                long now = System.nanoTime();
                Instant time = clock.instant();
                for (PollGroup g : groups) {
                    long deadline = now - g.periodNanos * config.staleAfterPeriods();
                    for (BlockReporter b : g.reporters) {
                        b.staleIfOlderThan(deadline, time, sink);
                    }
                }
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    private void setState(ConnectionState next) {
        if (state instanceof ConnectionState.Stopped) {
            return;
        }
        state = next;
        stateListener.accept(next);
    }
}

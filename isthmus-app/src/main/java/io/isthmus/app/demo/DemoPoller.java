package io.isthmus.app.demo;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.modbus.ModbusTcpClient;
import io.isthmus.sim.plc.ModbusTable;
import io.isthmus.sim.plc.PlcMap;
import io.isthmus.sim.plc.RegisterPoint;
import io.isthmus.sim.process.LineNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately small poller for the demo: one virtual thread per PLC reads each Modbus table in
 * one request per cycle, decodes the points with the PLC's register map and publishes samples.
 * When a PLC does not answer, its tags keep their last value with quality BAD_COMM. The Connect
 * drivers (coalescing, request budgets, backoff) replace it.
 */
public final class DemoPoller implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final List<PlcEndpoint> plcs;
    private final LineNames names;
    private final LatestValues sink;
    private final Duration period;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong cycles = new AtomicLong();
    private volatile boolean running = true;

    public DemoPoller(List<PlcEndpoint> plcs, LineNames names, LatestValues sink, Duration period, Clock clock) {
        this.plcs = List.copyOf(plcs);
        this.names = names;
        this.sink = sink;
        this.period = period;
        this.clock = clock;
    }

    public DemoPoller start() {
        for (PlcEndpoint plc : plcs) {
            threads.add(Thread.ofVirtual().name("isthmus-poll-" + plc.device()).start(() -> pollForever(plc)));
        }
        return this;
    }

    /** Completed poll cycles over all PLCs. */
    public long cycles() {
        return cycles.get();
    }

    private void pollForever(PlcEndpoint plc) {
        ModbusTcpClient client = null;
        while (running) {
            long started = System.nanoTime();
            try {
                if (client == null) {
                    client = ModbusTcpClient.connect(plc.address(), Optional.empty(), TIMEOUT);
                }
                sink.publish(readAll(client, plc));
                cycles.incrementAndGet();
            } catch (Exception e) {
                closeQuietly(client);
                client = null;
                sink.publish(markBad(plc));
            }
            sleepRest(started);
        }
        closeQuietly(client);
    }

    private List<Sample> readAll(ModbusTcpClient c, PlcEndpoint plc) throws Exception {
        PlcMap map = plc.map();
        int unit = plc.unitId();
        boolean[] coils = map.coils() > 0 ? c.readCoils(unit, 0, map.coils()) : new boolean[0];
        boolean[] inputs =
                map.discreteInputs() > 0 ? c.readDiscreteInputs(unit, 0, map.discreteInputs()) : new boolean[0];
        short[] holding = map.holdingRegisters() > 0
                ? c.readHoldingRegisters(unit, 0, map.holdingRegisters()).toShortArray()
                : new short[0];
        short[] input = map.inputRegisters() > 0
                ? c.readInputRegisters(unit, 0, map.inputRegisters()).toShortArray()
                : new short[0];
        Instant now = clock.instant();
        List<Sample> out = new ArrayList<>(map.points().size());
        for (RegisterPoint p : map.points()) {
            Value v = switch (p.table()) {
                case COIL -> p.decode(coils[p.address()]);
                case DISCRETE_INPUT -> p.decode(inputs[p.address()]);
                case HOLDING_REGISTER -> p.decode(holding, p.address());
                case INPUT_REGISTER -> p.decode(input, p.address());
            };
            out.add(Sample.good(path(plc, p), now, v));
        }
        return out;
    }

    private List<Sample> markBad(PlcEndpoint plc) {
        Instant now = clock.instant();
        List<Sample> out = new ArrayList<>();
        for (RegisterPoint p : plc.map().points()) {
            TagPath path = path(plc, p);
            Value last = sink.get(path)
                    .map(Sample::value)
                    .orElse(
                            p.table() == ModbusTable.COIL || p.table() == ModbusTable.DISCRETE_INPUT
                                    ? Value.of(false)
                                    : Value.of(0.0));
            out.add(new Sample(path, now, last, Quality.BAD_COMM));
        }
        return out;
    }

    private TagPath path(PlcEndpoint plc, RegisterPoint p) {
        return names.path(plc.cell(), plc.device(), p.name());
    }

    private void sleepRest(long startedNanos) {
        long restMs = period.toMillis() - (System.nanoTime() - startedNanos) / 1_000_000;
        if (restMs > 0 && running) {
            try {
                Thread.sleep(restMs);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private static void closeQuietly(ModbusTcpClient c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a broken connection has nothing left to report
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(3));
        }
    }
}

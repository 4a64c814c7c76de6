package io.isthmus.app.gateway;

import io.isthmus.access.gateway.OtPath;
import io.isthmus.access.gateway.RecipeRun;
import io.isthmus.access.gateway.WriteItem;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.config.DataType;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.ModbusTable;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.modbus.ModbusCommException;
import io.isthmus.connect.modbus.ModbusConnection;
import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.model.TagPath;
import io.isthmus.model.Zone;
import io.isthmus.policy.AccessResource;
import io.isthmus.policy.Operation;
import io.isthmus.policy.Policy;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.Registers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The gateway's path to the PLCs: the Connect Modbus driver ({@link ModbusConnection}), with the
 * device table of an edge configuration (sources and tags). Writable are coils (a control action:
 * run, stop, reset) and one-register holding registers (a setpoint write); the value is in
 * engineering units and scaled back to the raw register. One connection per execution, so nothing
 * stays open towards OT between changes.
 */
public final class ModbusOtPath implements OtPath {
    private final Map<TagPath, TagConfig> tags = new HashMap<>();
    private final Map<String, SourceConfig> sources = new HashMap<>();
    private final Map<String, InetAddress> addresses = new HashMap<>();
    private final Policy policy;
    private final Optional<InetAddress> from;

    /**
     * @param from the gateway's configured address towards OT: every connection to a PLC is made
     *     from it, so the PLC, a firewall and the network sensor see the address the conduit check
     *     used. Where this host cannot bind it (not one of its addresses; macOS answers only
     *     127.0.0.1 on loopback), {@code warn} is told once and connections leave from the address
     *     the system chooses; the conduit check still decides from {@code from}.
     */
    ModbusOtPath(ConnectConfig devices, Policy policy, InetAddress from, Consumer<String> warn) {
        this.policy = policy;
        this.from = bindable(from, warn);
        devices.sources().forEach(s -> sources.put(s.id(), s));
        devices.tags().forEach(t -> tags.put(t.path(), t));
        for (SourceConfig s : devices.sources()) {
            try {
                addresses.put(s.id(), InetAddress.getByName(s.endpoint().host()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(
                        "device " + s.id() + ": cannot resolve " + s.endpoint().host());
            }
        }
    }

    /** {@code address} if a socket can be bound to it here, otherwise empty after a warning. */
    static Optional<InetAddress> bindable(InetAddress address, Consumer<String> warn) {
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(address, 0));
            return Optional.of(address);
        } catch (IOException e) {
            warn.accept("isthmus: warning: the gateway's address " + address.getHostAddress()
                    + " cannot be bound on this host (" + e.getMessage()
                    + "); its Modbus writes leave from the address the system chooses, and the PLC and the sensor"
                    + " see that one (the conduit check still decides from " + address.getHostAddress() + ")");
            return Optional.empty();
        }
    }

    /** The address connections to PLCs are made from, when it could be bound. */
    Optional<InetAddress> from() {
        return from;
    }

    @Override
    public Optional<AccessResource> resource(TagPath tag) {
        TagConfig t = tags.get(tag);
        if (t == null) {
            return Optional.empty();
        }
        Optional<String> zone = policy.zoneOf(addresses.get(t.source())).map(Zone::name);
        return Optional.of(new AccessResource(zone, t.source(), tag));
    }

    @Override
    public AccessKind changeKind(TagPath tag) {
        TagConfig t = tags.get(tag);
        return t != null && t.address() instanceof ModbusAddress.BitPoint ? AccessKind.CONTROL : AccessKind.WRITE;
    }

    @Override
    public Operation operation(WriteItem item) {
        TagConfig t = tags.get(item.tag());
        if (t == null) {
            throw new IllegalArgumentException("no device tag " + item.tag());
        }
        ModbusRequest r = request(t, item.value());
        int address = r instanceof ModbusRequest.WriteSingleCoil c
                ? c.address()
                : ((ModbusRequest.WriteSingleRegister) r).address();
        SourceConfig s = sources.get(t.source());
        return new Operation(
                addresses.get(t.source()),
                addresses.get(t.source()),
                Protocol.MODBUS,
                changeKind(item.tag()),
                r.functionCode(),
                s.unitId(),
                address,
                1);
    }

    @Override
    public void execute(WriteItem item) throws IOException {
        TagConfig t = tags.get(item.tag());
        ModbusRequest r = request(t, item.value());
        SourceConfig s = sources.get(t.source());
        synchronized (s) {
            try (ModbusConnection c = ModbusConnection.open(s, from)) {
                ModbusResponse answer = c.execute(r);
                if (answer instanceof ModbusResponse.ExceptionResponse e) {
                    throw new IOException(s.id() + " answered with exception " + e.code());
                }
            } catch (ModbusCommException e) {
                throw new IOException(s.id() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A recipe's wire operations: its items grouped by device (in the order each device first
     * appears), sorted by register address, and cut into runs of contiguous registers, each one FC 16
     * Write Multiple Registers of at most {@link #MAX_RUN} registers. Only holding registers are
     * recipe items (16- and 32-bit integers and float32, in the device's word order); a coil is a
     * control action (run, stop), not a setpoint, and is refused.
     */
    @Override
    public List<RecipeRun> plan(List<WriteItem> items) {
        Map<String, List<Indexed>> byDevice = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            WriteItem item = items.get(i);
            TagConfig t = tags.get(item.tag());
            if (t == null) {
                throw new IllegalArgumentException("no device tag " + item.tag());
            }
            if (!(t.address() instanceof ModbusAddress.RegisterPoint r) || r.table() != ModbusTable.HOLDING_REGISTER) {
                throw new IllegalArgumentException(item.tag() + " is not a holding register: a recipe writes setpoints"
                        + (t.address() instanceof ModbusAddress.BitPoint b && b.table() == ModbusTable.COIL
                                ? " (a coil is a control action, request it on its own)"
                                : ""));
            }
            int[] words = RegisterWords.of(t, r, item.value());
            byDevice.computeIfAbsent(t.source(), k -> new ArrayList<>()).add(new Indexed(i, item, r.address(), words));
        }
        List<RecipeRun> runs = new ArrayList<>();
        byDevice.forEach((device, list) -> runs.addAll(runs(device, list)));
        return runs;
    }

    /**
     * Checks a named recipe at start exactly as {@link #plan} checks a recipe at request time (every
     * tag in {@code devices}, a holding register, the value in range, no overlap); {@link
     * IllegalArgumentException} naming what is wrong. Nothing is connected.
     */
    public static void checkRecipe(ConnectConfig devices, Policy policy, InetAddress from, List<WriteItem> items) {
        new ModbusOtPath(devices, policy, from, warning -> {}).plan(items);
    }

    /** Registers per FC 16 request: 123 (Modbus Application Protocol V1.1b3 section 6.12). */
    static final int MAX_RUN = 123;

    private record Indexed(int index, WriteItem item, int address, int[] words) {}

    private List<RecipeRun> runs(String device, List<Indexed> list) {
        list.sort(java.util.Comparator.comparingInt(Indexed::address));
        List<RecipeRun> out = new ArrayList<>();
        List<Indexed> run = new ArrayList<>();
        int next = -1;
        int size = 0;
        for (Indexed x : list) {
            if (x.address() < next) {
                throw new IllegalArgumentException(x.item().tag() + " overlaps the registers of "
                        + run.getLast().item().tag());
            }
            if (!run.isEmpty() && (x.address() != next || size + x.words().length > MAX_RUN)) {
                out.add(run(device, run));
                run = new ArrayList<>();
                size = 0;
            }
            run.add(x);
            size += x.words().length;
            next = x.address() + x.words().length;
        }
        out.add(run(device, run));
        return out;
    }

    private RecipeRun run(String device, List<Indexed> run) {
        SourceConfig s = sources.get(device);
        int quantity = run.stream().mapToInt(x -> x.words().length).sum();
        Operation op = new Operation(
                addresses.get(device),
                addresses.get(device),
                Protocol.MODBUS,
                AccessKind.WRITE,
                io.isthmus.wire.modbus.FunctionCode.WRITE_MULTIPLE_REGISTERS,
                s.unitId(),
                run.getFirst().address(),
                quantity);
        return new RecipeRun(
                op,
                run.stream().map(Indexed::item).toList(),
                run.stream().map(Indexed::index).toList());
    }

    /**
     * One FC 16 request for the run, over its own connection from the gateway's address. A device
     * that cannot be reached, or answers with an exception (the request is then not executed,
     * Modbus Application Protocol section 7), wrote nothing; a lost answer leaves it open.
     */
    @Override
    public void execute(RecipeRun run) throws IOException {
        List<RecipeRun> again = plan(run.items());
        if (again.size() != 1 || !again.getFirst().operation().equals(run.operation())) {
            throw new OtPath.NotWrittenException("the run's items are no longer one contiguous run");
        }
        TagConfig first = tags.get(run.items().getFirst().tag());
        SourceConfig s = sources.get(first.source());
        int[] words = new int[(int) run.operation().quantity()];
        int at = 0;
        for (WriteItem item : run.items()) {
            TagConfig t = tags.get(item.tag());
            int[] w = RegisterWords.of(t, (ModbusAddress.RegisterPoint) t.address(), item.value());
            System.arraycopy(w, 0, words, at, w.length);
            at += w.length;
        }
        ModbusRequest r =
                ModbusRequest.WriteMultipleRegisters.of((int) run.operation().address(), Registers.of(words));
        synchronized (s) {
            ModbusConnection c;
            try {
                c = ModbusConnection.open(s, from);
            } catch (ModbusCommException e) {
                throw new OtPath.NotWrittenException(s.id() + ": " + e.getMessage(), e);
            }
            try (c) {
                ModbusResponse answer = c.execute(r);
                if (answer instanceof ModbusResponse.ExceptionResponse e) {
                    throw new OtPath.NotWrittenException(s.id() + " answered with exception " + e.code());
                }
            } catch (ModbusCommException e) {
                throw new IOException(s.id() + ": " + e.getMessage(), e);
            }
        }
    }

    private static ModbusRequest request(TagConfig t, double value) {
        return switch (t.address()) {
            case ModbusAddress.BitPoint b -> {
                if (b.table() != ModbusTable.COIL) {
                    throw new IllegalArgumentException(
                            t.path() + " is a read-only " + b.table().token());
                }
                if (value != 0 && value != 1) {
                    throw new IllegalArgumentException(t.path() + " is a coil: 0 or 1, not " + value);
                }
                yield ModbusRequest.WriteSingleCoil.of(b.address(), value == 1);
            }
            case ModbusAddress.RegisterPoint r -> {
                if (r.table() != ModbusTable.HOLDING_REGISTER) {
                    throw new IllegalArgumentException(
                            t.path() + " is a read-only " + r.table().token());
                }
                if (r.type() != DataType.INT16 && r.type() != DataType.UINT16) {
                    throw new IllegalArgumentException(t.path() + ": only 16-bit registers are writable, not "
                            + r.type().token());
                }
                double raw =
                        Math.rint((value - t.scaling().offset()) / t.scaling().scale());
                double min = r.type() == DataType.INT16 ? -32768 : 0;
                double max = r.type() == DataType.INT16 ? 32767 : 65535;
                if (raw < min || raw > max) {
                    throw new IllegalArgumentException(t.path() + ": " + value + " is outside the register's range");
                }
                yield new ModbusRequest.WriteSingleRegister(r.address(), ((int) raw) & 0xFFFF);
            }
        };
    }
}

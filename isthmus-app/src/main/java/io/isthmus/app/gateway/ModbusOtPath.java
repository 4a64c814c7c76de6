package io.isthmus.app.gateway;

import io.isthmus.access.gateway.OtPath;
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
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.HashMap;
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
final class ModbusOtPath implements OtPath {
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

package io.isthmus.sim.scenario;

import io.isthmus.sim.process.FaultCode;
import io.isthmus.sim.process.MachineKind;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a scenario does at a point in time. Physical actions change the process model directly;
 * network actions are real Modbus/TCP traffic sent from a loopback address standing for a host
 * (an HMI, an IT laptop), so a sensor watching the loopback interface sees them as they would
 * appear on a plant network.
 */
public sealed interface ScenarioAction {

    /** A one-line description for the scenario log. */
    String describe();

    /** A machine trips with a fault; the simulated operator repairs it after {@code repairTime}. */
    record Fault(MachineKind machine, FaultCode code, Duration repairTime) implements ScenarioAction {
        public Fault {
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(code, "code");
            requirePositive(repairTime, "repair time");
        }

        @Override
        public String describe() {
            return machine.id() + " faults: " + code.description() + " (repaired after " + repairTime.toSeconds()
                    + " s)";
        }
    }

    /** A machine's bearing starts to wear out; it trips on vibration after {@code untilFailure} of running. */
    record DegradeBearing(MachineKind machine, Duration untilFailure) implements ScenarioAction {
        public DegradeBearing {
            Objects.requireNonNull(machine, "machine");
            requirePositive(untilFailure, "time until failure");
        }

        @Override
        public String describe() {
            return machine.id() + " bearing starts degrading (failure in about " + untilFailure.toMinutes() + " min)";
        }
    }

    /** A host writes one coil of a machine's PLC (Modbus function 5). */
    record WriteCoil(InetAddress from, MachineKind machine, int address, boolean value) implements ScenarioAction {
        public WriteCoil {
            requireLoopback(from);
            Objects.requireNonNull(machine, "machine");
            requireAddress(address);
        }

        @Override
        public String describe() {
            return from.getHostAddress() + " writes coil " + address + " = " + (value ? 1 : 0) + " on " + machine.id();
        }
    }

    /** A host writes one holding register of a machine's PLC (Modbus function 6). */
    record WriteRegister(InetAddress from, MachineKind machine, int address, int value) implements ScenarioAction {
        public WriteRegister {
            requireLoopback(from);
            Objects.requireNonNull(machine, "machine");
            requireAddress(address);
            if (value < 0 || value > 0xFFFF) {
                throw new IllegalArgumentException("register value must be 0..65535, was " + value);
            }
        }

        @Override
        public String describe() {
            return from.getHostAddress() + " writes holding register " + address + " = " + value + " on "
                    + machine.id();
        }
    }

    /** A host sends Modbus diagnostics "restart communications" (function 8, sub-function 1) to a PLC. */
    record RestartCommunications(InetAddress from, MachineKind machine) implements ScenarioAction {
        public RestartCommunications {
            requireLoopback(from);
            Objects.requireNonNull(machine, "machine");
        }

        @Override
        public String describe() {
            return from.getHostAddress() + " sends Modbus restart (FC 8/1) to " + machine.id();
        }
    }

    /**
     * A host scans TCP ports of the factory's address, then asks every Modbus port that answered
     * for its device identification (function 43/14). Without explicit ports it scans the factory's
     * own Modbus ports and five on either side, wherever they were moved to.
     */
    record ReconScan(InetAddress from, java.util.Optional<PortRange> ports) implements ScenarioAction {
        public ReconScan {
            requireLoopback(from);
            Objects.requireNonNull(ports, "ports");
        }

        @Override
        public String describe() {
            return from.getHostAddress() + " scans ports "
                    + ports.map(PortRange::toString).orElse("around the PLCs") + " and reads device identification";
        }
    }

    /** An inclusive TCP port range of at most {@link #MAX_PORTS} ports. */
    record PortRange(int first, int last) {
        public static final int MAX_PORTS = 1024;

        public PortRange {
            if (first < 1 || last > 65535 || first > last) {
                throw new IllegalArgumentException(
                        "scan ports must be 1 <= first <= last <= 65535, were " + first + ".." + last);
            }
            if (last - first + 1 > MAX_PORTS) {
                throw new IllegalArgumentException(
                        "a scan covers at most " + MAX_PORTS + " ports, was " + (last - first + 1));
            }
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    private static void requireAddress(int address) {
        if (address < 0 || address > 65535) {
            throw new IllegalArgumentException("Modbus address must be 0..65535, was " + address);
        }
    }

    /** The simulator only ever sends from and to loopback addresses (127.0.0.0/8, ::1). */
    private static void requireLoopback(InetAddress from) {
        Objects.requireNonNull(from, "from");
        if (!from.isLoopbackAddress()) {
            throw new IllegalArgumentException(
                    "scenario hosts must be loopback addresses (127.0.0.0/8), so no traffic leaves this machine; got "
                            + from.getHostAddress());
        }
    }
}

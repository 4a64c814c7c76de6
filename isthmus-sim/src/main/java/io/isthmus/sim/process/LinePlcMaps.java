package io.isthmus.sim.process;

import static io.isthmus.sim.plc.ModbusTable.COIL;
import static io.isthmus.sim.plc.ModbusTable.DISCRETE_INPUT;
import static io.isthmus.sim.plc.ModbusTable.HOLDING_REGISTER;
import static io.isthmus.sim.plc.ModbusTable.INPUT_REGISTER;
import static io.isthmus.sim.plc.RegisterEncoding.BIT;
import static io.isthmus.sim.plc.RegisterEncoding.INT16;
import static io.isthmus.sim.plc.RegisterEncoding.UINT16;
import static io.isthmus.sim.plc.RegisterEncoding.UINT32;
import static io.isthmus.sim.process.PointType.BOOL;
import static io.isthmus.sim.process.PointType.INT;
import static io.isthmus.sim.process.PointType.REAL;

import io.isthmus.sim.plc.PlcMap;
import io.isthmus.sim.plc.RegisterPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The register maps of the line's PLCs. This is the single source of docs/virtual-factory.md's
 * tables: addresses are 0-based protocol addresses (mbpoll's {@code -r 1} is address 0).
 */
public final class LinePlcMaps {
    // Coils
    public static final String RUN_COMMAND = "runCommand";
    public static final String FAULT_RESET = "faultReset";
    public static final String MAINTENANCE_MODE = "maintenanceMode";
    // Discrete inputs
    public static final String RUNNING = "running";
    public static final String FAULTED = "faulted";
    public static final String IDLE = "idle";
    public static final String IN_MAINTENANCE = "inMaintenance";
    public static final String VIBRATION_WARNING = "vibrationWarning";
    // Holding registers
    public static final String SPEED_SETPOINT = "speedSetpoint";
    public static final String PROCESS_SETPOINT = "processSetpoint";
    public static final String TEMPERATURE_LIMIT = "temperatureLimit";
    public static final String VIBRATION_LIMIT = "vibrationLimit";
    public static final String RAMP_TIME = "rampTime";
    // Input registers
    public static final String STATE = "state";
    public static final String FAULT_CODE = "faultCode";
    public static final String GOOD_COUNT = "goodCount";
    public static final String REJECT_COUNT = "rejectCount";
    public static final String SPEED = "speed";
    public static final String MOTOR_CURRENT = "motorCurrent";
    public static final String MOTOR_TEMPERATURE = "motorTemperature";
    public static final String VIBRATION = "vibration";
    public static final String POWER = "power";
    public static final String ENERGY = "energy";

    /** Meter channels: the line's incomer, then one feeder per machine in flow order. */
    public static final String INCOMER = "incomer";

    private LinePlcMaps() {}

    public static PlcMap machine(MachineKind kind) {
        List<RegisterPoint> p = List.of(
                new RegisterPoint(RUN_COMMAND, COIL, 0, BIT, 1, BOOL, "", "run command: 1 = run, 0 = stop"),
                new RegisterPoint(
                        FAULT_RESET, COIL, 1, BIT, 1, BOOL, "", "write 1 to acknowledge a fault; self-clearing"),
                new RegisterPoint(
                        MAINTENANCE_MODE,
                        COIL,
                        2,
                        BIT,
                        1,
                        BOOL,
                        "",
                        "1 = maintenance (lock-out); leaving it replaces worn bearings"),
                new RegisterPoint(RUNNING, DISCRETE_INPUT, 0, BIT, 1, BOOL, "", "machine is producing"),
                new RegisterPoint(FAULTED, DISCRETE_INPUT, 1, BIT, 1, BOOL, "", "a fault is active"),
                new RegisterPoint(IDLE, DISCRETE_INPUT, 2, BIT, 1, BOOL, "", "run commanded but starved or blocked"),
                new RegisterPoint(IN_MAINTENANCE, DISCRETE_INPUT, 3, BIT, 1, BOOL, "", "maintenance mode active"),
                new RegisterPoint(
                        VIBRATION_WARNING, DISCRETE_INPUT, 4, BIT, 1, BOOL, "", "vibration above 70 % of its limit"),
                new RegisterPoint(SPEED_SETPOINT, HOLDING_REGISTER, 0, UINT16, 1, INT, "bottles/min", "speed setpoint"),
                new RegisterPoint(
                        PROCESS_SETPOINT,
                        HOLDING_REGISTER,
                        1,
                        UINT16,
                        1,
                        INT,
                        kind.processSetpointUnit(),
                        kind.processSetpointName() + " setpoint"),
                new RegisterPoint(
                        TEMPERATURE_LIMIT,
                        HOLDING_REGISTER,
                        2,
                        INT16,
                        10,
                        REAL,
                        "degC",
                        "motor temperature trip limit"),
                new RegisterPoint(
                        VIBRATION_LIMIT,
                        HOLDING_REGISTER,
                        3,
                        UINT16,
                        100,
                        REAL,
                        "mm/s",
                        "vibration trip limit (ISO 10816 zone D)"),
                new RegisterPoint(
                        RAMP_TIME, HOLDING_REGISTER, 4, UINT16, 1, INT, "s", "time to ramp from stop to full speed"),
                new RegisterPoint(
                        STATE,
                        INPUT_REGISTER,
                        0,
                        UINT16,
                        1,
                        INT,
                        "",
                        "0 stopped, 1 running, 2 idle, 3 faulted, 4 maintenance"),
                new RegisterPoint(FAULT_CODE, INPUT_REGISTER, 1, UINT16, 1, INT, "", "active fault code, 0 = none"),
                new RegisterPoint(
                        GOOD_COUNT, INPUT_REGISTER, 2, UINT32, 1, INT, "bottles", "good bottles, rolls over at 2^32"),
                new RegisterPoint(
                        REJECT_COUNT,
                        INPUT_REGISTER,
                        4,
                        UINT32,
                        1,
                        INT,
                        "bottles",
                        "rejected bottles, rolls over at 2^32"),
                new RegisterPoint(SPEED, INPUT_REGISTER, 6, UINT16, 1, REAL, "bottles/min", "actual speed"),
                new RegisterPoint(MOTOR_CURRENT, INPUT_REGISTER, 7, UINT16, 100, REAL, "A", "main drive motor current"),
                new RegisterPoint(
                        MOTOR_TEMPERATURE,
                        INPUT_REGISTER,
                        8,
                        INT16,
                        10,
                        REAL,
                        "degC",
                        "main drive motor winding temperature"),
                new RegisterPoint(
                        VIBRATION,
                        INPUT_REGISTER,
                        9,
                        UINT16,
                        100,
                        REAL,
                        "mm/s",
                        "drive-end bearing vibration velocity (RMS)"),
                new RegisterPoint(POWER, INPUT_REGISTER, 10, UINT16, 100, REAL, "kW", "active power"),
                new RegisterPoint(
                        ENERGY,
                        INPUT_REGISTER,
                        11,
                        UINT32,
                        10,
                        REAL,
                        "kWh",
                        "active energy import, rolls over at 2^32 / 10"));
        return new PlcMap(kind.id(), p, 3, 5, 10, 13);
    }

    /** The line's power meter: four input registers per channel (incomer first, then each machine). */
    public static PlcMap meter() {
        List<RegisterPoint> p = new ArrayList<>();
        List<String> channels = channels();
        for (int c = 0; c < channels.size(); c++) {
            String ch = channels.get(c);
            int base = c * 4;
            p.add(new RegisterPoint(ch + "Power", INPUT_REGISTER, base, UINT16, 100, REAL, "kW", ch + " active power"));
            p.add(new RegisterPoint(
                    ch + "Energy", INPUT_REGISTER, base + 1, UINT32, 10, REAL, "kWh", ch + " active energy import"));
            p.add(new RegisterPoint(
                    ch + "Voltage", INPUT_REGISTER, base + 3, UINT16, 10, REAL, "V", ch + " line-to-line voltage"));
        }
        p.add(new RegisterPoint(
                "demandInterval", HOLDING_REGISTER, 0, UINT16, 1, INT, "min", "demand integration interval"));
        return new PlcMap("meter", p, 0, 0, 1, channels.size() * 4);
    }

    public static List<String> channels() {
        List<String> channels = new ArrayList<>();
        channels.add(INCOMER);
        for (MachineKind k : MachineKind.values()) {
            channels.add(k.id());
        }
        return channels;
    }
}

package io.isthmus.sim.process;

import static io.isthmus.sim.process.LinePlcMaps.*;

import io.isthmus.sim.plc.PlcMap;
import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.sim.plc.RegisterPoint;
import java.util.SplittableRandom;

/**
 * The program of one machine's PLC: reads its commands and setpoints from the register image,
 * advances the physics (drive, motor heating, bearing wear, production, energy) and writes the
 * measurements back. Not thread-safe on its own; {@link BottlingLine} steps all machines under one
 * lock, while Modbus clients touch only the (synchronized) register image.
 */
final class Machine {
    static final double AMBIENT_C = 25.0;
    static final double THERMAL_TIME_CONSTANT_S = 600.0;
    static final double LINE_VOLTAGE = 400.0;
    /** Mean time between random faults at full speed, in simulated seconds. */
    static final double MTBF_S = 3 * 3600.0;
    /** Natural bearing wear per second at full speed: a bearing lasts about 60 days of running. */
    static final double NATURAL_WEAR_PER_S = 1.0 / (60 * 24 * 3600.0);
    /** Wear at which vibration reaches the default trip limit: 2.0·(1 + 6w²) = 7.1 mm/s. */
    static final double WEAR_AT_DEFAULT_LIMIT = Math.sqrt((7.1 / 2.0 - 1) / 6);

    private final MachineKind kind;
    private final PlcMap map;
    private final RegisterImage image;
    private final SplittableRandom rng;

    private MachineState state = MachineState.STOPPED;
    private FaultCode fault = FaultCode.NONE;
    private double faultClearsAt = Double.POSITIVE_INFINITY;
    private boolean wasInMaintenance;
    private double speed;
    private double current;
    private double temperature = AMBIENT_C;
    private double vibration;
    private double wear;
    private double extraWearPerS;
    private double powerKw;
    private double energyKwh;
    private long good;
    private long rejects;
    private double pendingBottles;

    Machine(MachineKind kind, long seed) {
        this.kind = kind;
        this.map = LinePlcMaps.machine(kind);
        this.image = map.newImage();
        this.rng = new SplittableRandom(seed);
        writeHolding(SPEED_SETPOINT, kind.nominalSpeed());
        writeHolding(PROCESS_SETPOINT, kind.defaultProcessSetpoint());
        writeHolding(TEMPERATURE_LIMIT, 95.0);
        writeHolding(VIBRATION_LIMIT, 7.1);
        writeHolding(RAMP_TIME, 10);
        image.writeCoils(map.require(RUN_COMMAND).address(), new boolean[] {true});
        publish();
    }

    MachineKind kind() {
        return kind;
    }

    PlcMap map() {
        return map;
    }

    RegisterImage image() {
        return image;
    }

    MachineState state() {
        return state;
    }

    FaultCode fault() {
        return fault;
    }

    double wear() {
        return wear;
    }

    double powerKw() {
        return powerKw;
    }

    double energyKwh() {
        return energyKwh;
    }

    /** Ready to produce: commanded to run, healthy and not locked out. */
    boolean ready() {
        return fault == FaultCode.NONE && !coil(MAINTENANCE_MODE) && coil(RUN_COMMAND);
    }

    double speedSetpoint() {
        return Math.clamp(holding(SPEED_SETPOINT), 0, kind.nominalSpeed() * 1.2);
    }

    void injectFault(FaultCode code, double now, double durationS) {
        fault = code;
        faultClearsAt = now + durationS;
    }

    /** Accelerates bearing wear so that vibration reaches the default trip limit after {@code seconds} of running. */
    void degradeBearing(double seconds) {
        extraWearPerS = Math.max(0, WEAR_AT_DEFAULT_LIMIT - wear) / Math.max(1, seconds);
    }

    /** Advances the machine by {@code dt} seconds; {@code lineSpeed} is the speed the line can flow at (0 if blocked). */
    void step(double now, double dt, double lineSpeed) {
        double target = state == MachineState.RUNNING ? lineSpeed : 0;
        double ramp = kind.nominalSpeed() / Math.max(1, holding(RAMP_TIME)) * dt;
        speed += Math.clamp(target - speed, -ramp * 3, ramp);
        double load = speed / kind.nominalSpeed();
        wear = Math.min(1.5, wear + (NATURAL_WEAR_PER_S * load + (load > 0 ? extraWearPerS : 0)) * dt);
        physics(dt, load);
        produce(dt);
        checkTrips(now, dt, load);
        publish();
    }

    /** Decides the state for this tick from commands, faults and whether the neighbours let the line flow. */
    void decideState(boolean lineFlowing) {
        if (fault != FaultCode.NONE) {
            state = MachineState.FAULTED;
        } else if (coil(MAINTENANCE_MODE)) {
            state = MachineState.MAINTENANCE;
        } else if (!coil(RUN_COMMAND)) {
            state = MachineState.STOPPED;
        } else {
            state = lineFlowing ? MachineState.RUNNING : MachineState.IDLE;
        }
    }

    /** Applies operator commands (reset, maintenance) and the simulated operator's repairs. */
    void applyCommands(double now) {
        boolean maintenance = coil(MAINTENANCE_MODE);
        if (wasInMaintenance && !maintenance) {
            wear = 0; // bearings replaced during the lock-out
            extraWearPerS = 0;
            if (fault == FaultCode.BEARING_FAILURE) {
                fault = FaultCode.NONE;
            }
        }
        wasInMaintenance = maintenance;
        if (coil(FAULT_RESET)) {
            image.writeCoils(map.require(FAULT_RESET).address(), new boolean[] {false});
            if (fault != FaultCode.NONE && fault != FaultCode.BEARING_FAILURE && fault != FaultCode.EMERGENCY_STOP) {
                fault = FaultCode.NONE;
            }
        }
        if (fault != FaultCode.NONE && now >= faultClearsAt) {
            // the simulated operator has repaired the machine and reset it
            if (fault == FaultCode.BEARING_FAILURE) {
                wear = 0;
                extraWearPerS = 0;
            }
            fault = FaultCode.NONE;
            faultClearsAt = Double.POSITIVE_INFINITY;
        }
    }

    private void physics(double dt, double load) {
        double ratedCurrent = kind.ratedPowerKw() * 1000 / (Math.sqrt(3) * LINE_VOLTAGE * 0.85);
        double idleCurrent = state == MachineState.STOPPED || state == MachineState.FAULTED ? 0 : 0.25 * ratedCurrent;
        double loadCurrent = load > 0 ? (0.25 + 0.75 * load) * ratedCurrent * (1 + 0.3 * wear) : idleCurrent;
        current = Math.max(0, loadCurrent * (1 + 0.02 * rng.nextGaussian()));
        double heatTarget = AMBIENT_C + 45 * Math.pow(current / ratedCurrent, 2);
        temperature += (heatTarget - temperature) * (dt / THERMAL_TIME_CONSTANT_S);
        double running = 0.8 + 1.2 * load;
        vibration = load > 0 ? running * (1 + 6 * wear * wear) : 0.05;
        vibration = Math.max(0, vibration * (1 + 0.03 * rng.nextGaussian()));
        double base = state == MachineState.STOPPED || state == MachineState.FAULTED ? 0.02 : 0.08;
        powerKw = kind.ratedPowerKw() * (base + (load > 0 ? 0.9 * load * (1 + 0.2 * wear) : 0));
        energyKwh += powerKw * dt / 3600.0;
    }

    private void produce(double dt) {
        pendingBottles += speed / 60.0 * dt;
        int bottles = (int) pendingBottles;
        pendingBottles -= bottles;
        double rejectP = kind.rejectRate() * (1 + 5 * wear);
        for (int i = 0; i < bottles; i++) {
            if (rng.nextDouble() < rejectP) {
                rejects++;
            } else {
                good++;
            }
        }
    }

    private void checkTrips(double now, double dt, double load) {
        if (fault != FaultCode.NONE) {
            return;
        }
        if (load > 0 && vibration > holding(VIBRATION_LIMIT)) {
            injectFault(FaultCode.BEARING_FAILURE, now, 15 * 60);
        } else if (temperature > holding(TEMPERATURE_LIMIT)) {
            injectFault(FaultCode.OVER_TEMPERATURE, now, 10 * 60);
        } else if (load > 0 && rng.nextDouble() < load * dt / MTBF_S) {
            FaultCode random = rng.nextDouble() < 0.7
                    ? kind.processFaults().get(rng.nextInt(kind.processFaults().size()))
                    : FaultCode.MOTOR_OVERLOAD;
            injectFault(random, now, 60 + rng.nextDouble() * 240);
        }
    }

    /** Writes the model's outputs into the PLC's input tables. */
    private void publish() {
        setBit(RUNNING, state == MachineState.RUNNING);
        setBit(FAULTED, state == MachineState.FAULTED);
        setBit(IDLE, state == MachineState.IDLE);
        setBit(IN_MAINTENANCE, state == MachineState.MAINTENANCE);
        setBit(VIBRATION_WARNING, vibration > 0.7 * holding(VIBRATION_LIMIT));
        setInput(STATE, state.code());
        setInput(FAULT_CODE, fault.code());
        setInput(GOOD_COUNT, good);
        setInput(REJECT_COUNT, rejects);
        setInput(SPEED, speed);
        setInput(MOTOR_CURRENT, current);
        setInput(MOTOR_TEMPERATURE, temperature);
        setInput(VIBRATION, vibration);
        setInput(POWER, powerKw);
        setInput(ENERGY, energyKwh);
    }

    private boolean coil(String name) {
        return image.coil(map.require(name).address());
    }

    private double holding(String name) {
        return map.require(name).read(image).asDouble();
    }

    private void writeHolding(String name, double value) {
        RegisterPoint p = map.require(name);
        image.writeHoldingRegisters(p.address(), p.encode(value));
    }

    private void setBit(String name, boolean value) {
        image.setDiscreteInput(map.require(name).address(), value);
    }

    private void setInput(String name, double value) {
        RegisterPoint p = map.require(name);
        short[] words = p.encode(value);
        for (int i = 0; i < words.length; i++) {
            image.setInputRegister(p.address() + i, words[i]);
        }
    }
}

package io.isthmus.sim.process;

import io.isthmus.sim.plc.PlcMap;
import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.sim.plc.RegisterPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bottling line's process model: five machines in series and the line's power meter, stepped
 * in fixed simulated time steps. The line flows only while every machine is ready; then all run at
 * the slowest speed setpoint, otherwise the ready ones wait (idle). Deterministic for a seed: the
 * same seed and the same commands at the same ticks give the same register images.
 */
public final class BottlingLine {
    public static final Duration TICK = Duration.ofMillis(100);

    private final Map<MachineKind, Machine> machines = new EnumMap<>(MachineKind.class);
    private final PlcMap meterMap = LinePlcMaps.meter();
    private final RegisterImage meterImage = meterMap.newImage();
    private final SplittableRandom meterNoise;
    private final Instant start;
    private long ticks;

    public BottlingLine(long seed, Instant start) {
        this.start = start;
        SplittableRandom seeds = new SplittableRandom(seed);
        for (MachineKind kind : MachineKind.values()) {
            machines.put(kind, new Machine(kind, seeds.nextLong()));
        }
        this.meterNoise = new SplittableRandom(seeds.nextLong());
        meterImage.writeHoldingRegisters(0, meterMap.require("demandInterval").encode(15));
        publishMeter();
    }

    /** Advances the whole line by one {@link #TICK}. */
    public synchronized void tick() {
        double dt = TICK.toMillis() / 1000.0;
        double now = ticks * dt;
        for (Machine m : machines.values()) {
            m.applyCommands(now);
        }
        boolean flowing = machines.values().stream().allMatch(Machine::ready);
        double lineSpeed = flowing
                ? machines.values().stream()
                        .mapToDouble(Machine::speedSetpoint)
                        .min()
                        .orElse(0)
                : 0;
        for (Machine m : machines.values()) {
            m.decideState(flowing);
            m.step(now, dt, lineSpeed);
        }
        ticks++;
        publishMeter();
    }

    /** Simulated time now: the start instant plus the ticks done. */
    public synchronized Instant now() {
        return start.plus(TICK.multipliedBy(ticks));
    }

    public synchronized Duration elapsed() {
        return TICK.multipliedBy(ticks);
    }

    public Instant start() {
        return start;
    }

    /** The register image a machine's PLC serves over Modbus. */
    public RegisterImage image(MachineKind kind) {
        return machines.get(kind).image();
    }

    public PlcMap map(MachineKind kind) {
        return machines.get(kind).map();
    }

    public RegisterImage meterImage() {
        return meterImage;
    }

    public PlcMap meterMap() {
        return meterMap;
    }

    public synchronized MachineState state(MachineKind kind) {
        return machines.get(kind).state();
    }

    public synchronized FaultCode fault(MachineKind kind) {
        return machines.get(kind).fault();
    }

    /** Bearing wear of a machine, 0 (new) upward; the hidden truth behind its vibration. */
    public synchronized double bearingWear(MachineKind kind) {
        return machines.get(kind).wear();
    }

    /** A physical fault (not a network action): the machine trips and is repaired after {@code repairTime}. */
    public synchronized void injectFault(MachineKind kind, FaultCode code, Duration repairTime) {
        machines.get(kind).injectFault(code, elapsed().toMillis() / 1000.0, repairTime.toMillis() / 1000.0);
    }

    /** Makes a machine's drive-end bearing wear out so that it trips on vibration after {@code untilFailure} of running. */
    public synchronized void degradeBearing(MachineKind kind, Duration untilFailure) {
        machines.get(kind).degradeBearing(untilFailure.toMillis() / 1000.0);
    }

    private void publishMeter() {
        List<Double> feeders = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        double aux = 1.5; // lighting, compressors' controls, HMI
        double totalPower = aux;
        double totalEnergy = aux * elapsedSeconds() / 3600.0;
        for (Machine m : machines.values()) {
            feeders.add(m.powerKw());
            energies.add(m.energyKwh());
            totalPower += m.powerKw();
            totalEnergy += m.energyKwh();
        }
        feeders.addFirst(totalPower);
        energies.addFirst(totalEnergy);
        List<String> channels = LinePlcMaps.channels();
        for (int c = 0; c < channels.size(); c++) {
            String ch = channels.get(c);
            set(ch + "Power", feeders.get(c));
            set(ch + "Energy", energies.get(c));
            set(ch + "Voltage", 400 + 2 * meterNoise.nextGaussian());
        }
    }

    private double elapsedSeconds() {
        return ticks * (TICK.toMillis() / 1000.0);
    }

    private void set(String name, double value) {
        RegisterPoint p = meterMap.require(name);
        short[] words = p.encode(value);
        for (int i = 0; i < words.length; i++) {
            meterImage.setInputRegister(p.address() + i, words[i]);
        }
    }
}

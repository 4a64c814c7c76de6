package io.isthmus.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.sim.plc.RegisterPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BottlingLineTest {
    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");

    private static void run(BottlingLine line, Duration d) {
        long ticks = d.toMillis() / BottlingLine.TICK.toMillis();
        for (long i = 0; i < ticks; i++) {
            line.tick();
        }
    }

    private static double read(BottlingLine line, MachineKind kind, String point) {
        RegisterPoint p = line.map(kind).require(point);
        return p.read(line.image(kind)).asDouble();
    }

    private static void setCoil(BottlingLine line, MachineKind kind, String coil, boolean value) {
        line.image(kind).writeCoils(line.map(kind).require(coil).address(), new boolean[] {value});
    }

    @Test
    void theLineRampsUpToItsSpeedSetpointAndProducesBottles() {
        BottlingLine line = new BottlingLine(1, T0);
        run(line, Duration.ofSeconds(60));
        for (MachineKind k : MachineKind.values()) {
            assertThat(line.state(k)).as(k.id()).isEqualTo(MachineState.RUNNING);
            assertThat(read(line, k, LinePlcMaps.SPEED)).as(k.id()).isEqualTo(600.0);
            assertThat(read(line, k, LinePlcMaps.GOOD_COUNT)).as(k.id()).isGreaterThan(300);
        }
        assertThat(line.now()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void writingTheConveyorsRunCoilStopsTheWholeLine() {
        BottlingLine line = new BottlingLine(1, T0);
        run(line, Duration.ofSeconds(30));
        setCoil(line, MachineKind.CONVEYOR, LinePlcMaps.RUN_COMMAND, false);
        run(line, Duration.ofSeconds(30));
        assertThat(line.state(MachineKind.CONVEYOR)).isEqualTo(MachineState.STOPPED);
        for (MachineKind k : MachineKind.values()) {
            assertThat(read(line, k, LinePlcMaps.SPEED)).as(k.id() + " speed").isZero();
        }
        assertThat(line.state(MachineKind.FILLER)).isEqualTo(MachineState.IDLE);
        double good = read(line, MachineKind.PALLETIZER, LinePlcMaps.GOOD_COUNT);
        run(line, Duration.ofSeconds(30));
        assertThat(read(line, MachineKind.PALLETIZER, LinePlcMaps.GOOD_COUNT)).isEqualTo(good);
    }

    @Test
    void theSameSeedGivesTheSameRegisterImages() {
        BottlingLine a = new BottlingLine(42, T0);
        BottlingLine b = new BottlingLine(42, T0);
        BottlingLine c = new BottlingLine(43, T0);
        run(a, Duration.ofMinutes(10));
        run(b, Duration.ofMinutes(10));
        run(c, Duration.ofMinutes(10));
        for (MachineKind k : MachineKind.values()) {
            assertThat(inputs(a.image(k))).isEqualTo(inputs(b.image(k)));
        }
        assertThat(inputs(a.image(MachineKind.FILLER))).isNotEqualTo(inputs(c.image(MachineKind.FILLER)));
    }

    private static short[] inputs(RegisterImage image) {
        return image.readInputRegisters(0, image.inputRegisterCount());
    }

    @Test
    void aDegradingBearingRaisesVibrationWarnsThenTripsWithFault103() {
        BottlingLine line = new BottlingLine(3, T0);
        run(line, Duration.ofSeconds(30));
        double healthy = read(line, MachineKind.FILLER, LinePlcMaps.VIBRATION);
        line.degradeBearing(MachineKind.FILLER, Duration.ofMinutes(20));
        Duration warnedAt = null;
        Duration trippedAt = null;
        for (int s = 0; s < 40 * 60 && trippedAt == null; s++) {
            run(line, Duration.ofSeconds(1));
            if (warnedAt == null && line.image(MachineKind.FILLER).discreteInput(4)) {
                warnedAt = line.elapsed();
            }
            if (line.fault(MachineKind.FILLER) == FaultCode.BEARING_FAILURE) {
                trippedAt = line.elapsed();
            }
        }
        assertThat(healthy).isBetween(1.5, 2.5);
        assertThat(warnedAt).as("vibration warning").isNotNull();
        assertThat(trippedAt)
                .as("bearing failure")
                .isNotNull()
                .isBetween(Duration.ofMinutes(15), Duration.ofMinutes(25));
        assertThat(warnedAt).isLessThan(trippedAt);
        assertThat(read(line, MachineKind.FILLER, LinePlcMaps.FAULT_CODE)).isEqualTo(103);
        assertThat(line.state(MachineKind.CAPPER)).isEqualTo(MachineState.IDLE);
    }

    @Test
    void aMaintenanceLockOutReplacesTheBearingAndClearsTheFault() {
        BottlingLine line = new BottlingLine(3, T0);
        line.degradeBearing(MachineKind.CAPPER, Duration.ofMinutes(5));
        run(line, Duration.ofMinutes(10));
        assertThat(line.fault(MachineKind.CAPPER)).isEqualTo(FaultCode.BEARING_FAILURE);
        setCoil(line, MachineKind.CAPPER, LinePlcMaps.MAINTENANCE_MODE, true);
        run(line, Duration.ofSeconds(5));
        setCoil(line, MachineKind.CAPPER, LinePlcMaps.MAINTENANCE_MODE, false);
        run(line, Duration.ofSeconds(30));
        assertThat(line.fault(MachineKind.CAPPER)).isEqualTo(FaultCode.NONE);
        assertThat(line.bearingWear(MachineKind.CAPPER)).isLessThan(0.01);
        assertThat(line.state(MachineKind.CAPPER)).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void anInjectedFaultStopsTheLineUntilTheOperatorRepairsIt() {
        BottlingLine line = new BottlingLine(5, T0);
        run(line, Duration.ofSeconds(20));
        line.injectFault(MachineKind.LABELER, FaultCode.LABEL_WEB_BREAK, Duration.ofSeconds(60));
        run(line, Duration.ofSeconds(30));
        assertThat(line.state(MachineKind.LABELER)).isEqualTo(MachineState.FAULTED);
        assertThat(read(line, MachineKind.LABELER, LinePlcMaps.FAULT_CODE)).isEqualTo(204);
        assertThat(line.state(MachineKind.CONVEYOR)).isEqualTo(MachineState.IDLE);
        run(line, Duration.ofSeconds(60));
        assertThat(line.state(MachineKind.LABELER)).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void energyFollowsLoadAndTheIncomerIsTheSumOfTheFeedersPlusAuxiliaries() {
        BottlingLine line = new BottlingLine(1, T0);
        run(line, Duration.ofMinutes(2));
        double running = read(line, MachineKind.FILLER, LinePlcMaps.POWER);
        setCoil(line, MachineKind.CONVEYOR, LinePlcMaps.RUN_COMMAND, false);
        run(line, Duration.ofMinutes(1));
        double idle = read(line, MachineKind.FILLER, LinePlcMaps.POWER);
        assertThat(running).isGreaterThan(5 * idle);
        RegisterImage meter = line.meterImage();
        double feeders = Arrays.stream(MachineKind.values())
                .mapToDouble(k ->
                        line.meterMap().require(k.id() + "Power").read(meter).asDouble())
                .sum();
        double incomer = line.meterMap().require("incomerPower").read(meter).asDouble();
        assertThat(incomer).isCloseTo(feeders + 1.5, org.assertj.core.data.Offset.offset(0.06));
        assertThat(line.meterMap().require("incomerEnergy").read(meter).asDouble())
                .isGreaterThan(0.5);
    }

    @Test
    void countersRollOverAt32BitsLikeAPlcsDoubleWord() {
        RegisterPoint counter = LinePlcMaps.machine(MachineKind.FILLER).require(LinePlcMaps.GOOD_COUNT);
        short[] words = counter.encode(4_294_967_296.0 + 5);
        assertThat(counter.decode(words, 0).asDouble()).isEqualTo(5);
    }
}

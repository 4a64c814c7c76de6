package io.isthmus.insight.oee;

import java.time.Duration;
import java.util.Objects;

/**
 * One machine whose OEE is computed.
 *
 * @param id short name used in reports, e.g. "filler"
 * @param equipment the ISA-95 equipment path its tags live under
 *     ({@code TagPath.equipmentPath()}, e.g. {@code acme/springfield/packaging/line1/filling/filler})
 * @param idealCycleTime ISO 22400-2 planned run time per unit: the fastest the machine is designed
 *     to make one unit (the virtual factory's 600 bottles/min is 100 ms)
 */
public record MachineSpec(String id, String equipment, Duration idealCycleTime) {
    public MachineSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(idealCycleTime, "idealCycleTime");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("machine id must be 1..64 characters, was '" + id + "'");
        }
        if (equipment.split("/", -1).length != 6) {
            throw new IllegalArgumentException("machine '" + id
                    + "' equipment must be an ISA-95 path of 6 segments (enterprise/site/area/line/cell/equipment),"
                    + " was '" + equipment + "'");
        }
        if (idealCycleTime.isNegative()
                || idealCycleTime.isZero()
                || idealCycleTime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("machine '" + id + "' ideal cycle time must be positive and at most"
                    + " 24h, was " + idealCycleTime);
        }
    }

    /** The spec for a machine rated at {@code unitsPerMinute}. */
    public static MachineSpec ofRate(String id, String equipment, double unitsPerMinute) {
        if (!(unitsPerMinute > 0 && unitsPerMinute <= 1_000_000)) {
            throw new IllegalArgumentException(
                    "machine '" + id + "' ideal rate must be in (0, 1000000] units/min, was " + unitsPerMinute);
        }
        return new MachineSpec(id, equipment, Duration.ofNanos(Math.round(60e9 / unitsPerMinute)));
    }

    public double idealCycleSeconds() {
        return idealCycleTime.toNanos() / 1e9;
    }
}

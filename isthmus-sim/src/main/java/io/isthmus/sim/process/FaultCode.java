package io.isthmus.sim.process;

import java.util.Optional;

/** Fault codes the virtual PLCs report in input register 1; stable numbers, documented in docs/virtual-factory.md. */
public enum FaultCode {
    NONE(0, FaultClass.NONE, "no fault"),
    MOTOR_OVERLOAD(101, FaultClass.ELECTRICAL, "motor overload trip"),
    EMERGENCY_STOP(102, FaultClass.SAFETY, "emergency stop pressed"),
    BEARING_FAILURE(103, FaultClass.MECHANICAL, "bearing failure (vibration beyond limit)"),
    OVER_TEMPERATURE(104, FaultClass.THERMAL, "motor over temperature"),
    MATERIAL_JAM(201, FaultClass.MATERIAL, "bottle jam"),
    LOW_PRODUCT_LEVEL(202, FaultClass.MATERIAL, "low product level in filler bowl"),
    CAP_FEED_JAM(203, FaultClass.MATERIAL, "cap feed jam"),
    LABEL_WEB_BREAK(204, FaultClass.MATERIAL, "label web break"),
    LAYER_MISALIGNED(205, FaultClass.MATERIAL, "pallet layer misaligned");

    private final int code;
    private final FaultClass faultClass;
    private final String description;

    FaultCode(int code, FaultClass faultClass, String description) {
        this.code = code;
        this.faultClass = faultClass;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public FaultClass faultClass() {
        return faultClass;
    }

    public String description() {
        return description;
    }

    public static Optional<FaultCode> fromCode(int code) {
        for (FaultCode f : values()) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Parses a scenario's fault name such as {@code material-jam} or {@code MATERIAL_JAM}. */
    public static FaultCode parse(String name) {
        String key = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (FaultCode f : values()) {
            if (f.name().equals(key) && f != NONE) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "'; expected one of "
                + java.util.Arrays.stream(values())
                        .filter(f -> f != NONE)
                        .map(f -> f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                        .toList());
    }
}

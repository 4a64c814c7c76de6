package io.isthmus.sim.process;

import java.util.List;

/**
 * The machines of the bottling line, in flow order, with the physical parameters their models
 * use. Nominal speeds are bottles per minute; the process setpoint is machine specific.
 */
public enum MachineKind {
    CONVEYOR("conveyor", "transport", 600, 7.5, 0.000, "accumulation gap", "mm", 40, List.of(FaultCode.MATERIAL_JAM)),
    FILLER("filler", "filling", 600, 11.0, 0.004, "fill volume", "ml", 500, List.of(FaultCode.LOW_PRODUCT_LEVEL)),
    CAPPER("capper", "filling", 600, 5.5, 0.002, "cap torque", "Ncm", 180, List.of(FaultCode.CAP_FEED_JAM)),
    LABELER("labeler", "labeling", 600, 4.0, 0.003, "label position", "mm", 25, List.of(FaultCode.LABEL_WEB_BREAK)),
    PALLETIZER(
            "palletizer",
            "palletizing",
            600,
            9.0,
            0.001,
            "layers per pallet",
            "layers",
            6,
            List.of(FaultCode.LAYER_MISALIGNED));

    private final String id;
    private final String cell;
    private final double nominalSpeed;
    private final double ratedPowerKw;
    private final double rejectRate;
    private final String processSetpointName;
    private final String processSetpointUnit;
    private final double defaultProcessSetpoint;
    private final List<FaultCode> processFaults;

    MachineKind(
            String id,
            String cell,
            double nominalSpeed,
            double ratedPowerKw,
            double rejectRate,
            String processSetpointName,
            String processSetpointUnit,
            double defaultProcessSetpoint,
            List<FaultCode> processFaults) {
        this.id = id;
        this.cell = cell;
        this.nominalSpeed = nominalSpeed;
        this.ratedPowerKw = ratedPowerKw;
        this.rejectRate = rejectRate;
        this.processSetpointName = processSetpointName;
        this.processSetpointUnit = processSetpointUnit;
        this.defaultProcessSetpoint = defaultProcessSetpoint;
        this.processFaults = processFaults;
    }

    /** The name used in tag paths, scenarios and on the console. */
    public String id() {
        return id;
    }

    /** The ISA-95 work cell the machine belongs to. */
    public String cell() {
        return cell;
    }

    public double nominalSpeed() {
        return nominalSpeed;
    }

    public double ratedPowerKw() {
        return ratedPowerKw;
    }

    public double rejectRate() {
        return rejectRate;
    }

    public String processSetpointName() {
        return processSetpointName;
    }

    public String processSetpointUnit() {
        return processSetpointUnit;
    }

    public double defaultProcessSetpoint() {
        return defaultProcessSetpoint;
    }

    /** Faults specific to what the machine handles (on top of motor, bearing and e-stop faults). */
    public List<FaultCode> processFaults() {
        return processFaults;
    }

    public static MachineKind parse(String id) {
        for (MachineKind k : values()) {
            if (k.id.equalsIgnoreCase(id.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown machine '" + id + "'; expected one of "
                + java.util.Arrays.stream(values()).map(MachineKind::id).toList());
    }
}

package io.isthmus.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an operation does to a device, independent of the protocol that carries it. Conduits allow
 * kinds, the detector classifies observed function codes into kinds, the gateway decides on kinds.
 */
public enum AccessKind {
    /** Reads process values or tags (Modbus FC 3, S7 Read Var, OPC UA Read). */
    READ("read"),
    /** Writes process values or setpoints (Modbus FC 6/16, S7 Write Var, OPC UA Write). */
    WRITE("write"),
    /** Changes the run state: run, stop, restart, operating mode (S7 PLC Stop, CIP Reset). */
    CONTROL("control"),
    /** Moves logic or firmware: program upload and download, online edit. */
    PROGRAM("program"),
    /** Reads device diagnostics and identity (Modbus FC 43/14, S7 SZL, CIP Identity). */
    DIAGNOSTIC("diagnostic"),
    /** Finds devices on the network (PROFINET DCP Identify, BACnet Who-Is, CIP List Identity). */
    DISCOVERY("discovery");

    private final String id;

    AccessKind(String id) {
        this.id = id;
    }

    /** The stable lower-case id used in JSON and policy files. */
    public String id() {
        return id;
    }

    /**
     * True for kinds that change what a device does or holds; these are the operations that need
     * approval at the gateway and that ATT&CK for ICS maps to Impair Process Control and Execution.
     */
    public boolean modifiesDevice() {
        return switch (this) {
            case WRITE, CONTROL, PROGRAM -> true;
            case READ, DIAGNOSTIC, DISCOVERY -> false;
        };
    }

    public static AccessKind fromId(String id) {
        for (AccessKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not an access kind; expected one of "
                + Arrays.stream(values()).map(AccessKind::id).collect(Collectors.joining(", ")));
    }
}

package io.isthmus.wire.s7.s7comm;

import io.isthmus.model.AccessKind;

/**
 * Program invocation (PI) services named in a PLC Control (0x28) job. The name decides what the
 * job does: {@code P_PROGRAM} starts the CPU (argument "" for a warm restart, "C " for a cold
 * one), {@code _INSE} activates downloaded blocks, {@code _DELE} deletes blocks, {@code _MODU}
 * copies RAM to ROM and {@code _GARB} compresses program memory. Services on program memory are
 * {@link AccessKind#PROGRAM}; every other PI service (including the {@code _N_} services of NC
 * controllers) invokes an operation on the device and is {@link AccessKind#CONTROL}.
 */
public final class PiService {

    public static final String START = "P_PROGRAM";
    public static final String INSERT_BLOCK = "_INSE";
    public static final String DELETE_BLOCK = "_DELE";
    public static final String COPY_RAM_TO_ROM = "_MODU";
    public static final String COMPRESS = "_GARB";

    private PiService() {}

    public static AccessKind access(String service) {
        return switch (service) {
            case INSERT_BLOCK, DELETE_BLOCK, COPY_RAM_TO_ROM, COMPRESS -> AccessKind.PROGRAM;
            default -> AccessKind.CONTROL;
        };
    }

    /** What the service does, in words, or "other" for services not listed above. */
    public static String operation(String service, String argument) {
        return switch (service) {
            case START -> argument.startsWith("C") ? "cold restart" : "warm restart";
            case INSERT_BLOCK -> "insert block";
            case DELETE_BLOCK -> "delete block";
            case COPY_RAM_TO_ROM -> "copy RAM to ROM";
            case COMPRESS -> "compress memory";
            default -> "other";
        };
    }
}

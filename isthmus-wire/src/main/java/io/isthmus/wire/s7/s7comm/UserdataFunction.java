package io.isthmus.wire.s7.s7comm;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.HexText;

/**
 * Names and access kinds of userdata subfunctions per function group. Most userdata reads
 * diagnostics ({@link AccessKind#DIAGNOSTIC}); the exceptions change or read the process and are
 * classified by what they do: modify variable and force write values, memory reset wipes the user
 * program, breakpoints and exit-HOLD change the run state, cyclic services read process values,
 * setting the clock writes the CPU's time, and NC download/upload moves NC programs.
 */
public final class UserdataFunction {

    /** Function numbers of userdata summaries: {@code 0x7000 | group << 8 | subfunction}. */
    public static final int FUNCTION_BASE = 0x7000;

    private UserdataFunction() {}

    /** The summary function number: userdata has no single code, so group and subfunction are packed. */
    public static int number(int groupCode, int subfunction) {
        return FUNCTION_BASE | (groupCode & 0x0F) << 8 | (subfunction & 0xFF);
    }

    public static String name(UserdataGroup group, int subfunction) {
        String sub = switch (group) {
            case PROGRAMMER_COMMANDS -> programmer(subfunction);
            case CYCLIC_SERVICES -> cyclic(subfunction);
            case BLOCK_FUNCTIONS -> block(subfunction);
            case CPU_FUNCTIONS -> cpu(subfunction);
            case SECURITY -> subfunction == 1 ? "PLC password" : null;
            case TIME_FUNCTIONS -> time(subfunction);
            case NC_PROGRAMMING -> nc(subfunction);
            case MODE_TRANSITION, PBC, UNKNOWN -> null;
        };
        return group.displayName() + ": " + (sub == null ? "subfunction " + HexText.of(subfunction, 2) : sub);
    }

    public static AccessKind access(UserdataGroup group, int subfunction) {
        return switch (group) {
            case PROGRAMMER_COMMANDS ->
                switch (subfunction) {
                    case 0x07, 0x08, 0x09 -> AccessKind.WRITE; // force selection, modify variable, force
                    case 0x0A, 0x0B -> AccessKind.CONTROL; // breakpoint, exit HOLD
                    case 0x0C -> AccessKind.PROGRAM; // memory reset
                    default -> AccessKind.DIAGNOSTIC;
                };
            case CYCLIC_SERVICES -> AccessKind.READ;
            case TIME_FUNCTIONS ->
                subfunction == 0x02 || subfunction == 0x04 ? AccessKind.WRITE : AccessKind.DIAGNOSTIC;
            case NC_PROGRAMMING -> AccessKind.PROGRAM;
            case MODE_TRANSITION, BLOCK_FUNCTIONS, CPU_FUNCTIONS, SECURITY, PBC, UNKNOWN -> AccessKind.DIAGNOSTIC;
        };
    }

    private static String programmer(int sub) {
        return switch (sub) {
            case 0x01 -> "Block status";
            case 0x02 -> "Variable status";
            case 0x03 -> "Output ISTACK";
            case 0x04 -> "Output BSTACK";
            case 0x05 -> "Output LSTACK";
            case 0x06 -> "Time measurement";
            case 0x07 -> "Force selection";
            case 0x08 -> "Modify variable";
            case 0x09 -> "Force";
            case 0x0A -> "Breakpoint";
            case 0x0B -> "Exit HOLD";
            case 0x0C -> "Memory reset";
            case 0x0D -> "Disable job";
            case 0x0E -> "Enable job";
            case 0x0F -> "Delete job";
            case 0x10 -> "Read job list";
            case 0x11 -> "Read job";
            case 0x12 -> "Replace job";
            case 0x13 -> "Block status v2";
            case 0x16 -> "Flash LED";
            default -> null;
        };
    }

    private static String cyclic(int sub) {
        return switch (sub) {
            case 0x01 -> "Cyclic transfer";
            case 0x04 -> "Unsubscribe";
            case 0x05 -> "Change driven transfer";
            case 0x07 -> "Change driven transfer modify";
            case 0x08 -> "Read data record";
            default -> null;
        };
    }

    private static String block(int sub) {
        return switch (sub) {
            case 0x01 -> "List blocks";
            case 0x02 -> "List blocks of type";
            case 0x03 -> "Get block info";
            default -> null;
        };
    }

    private static String cpu(int sub) {
        return switch (sub) {
            case 0x01 -> "Read SZL";
            case 0x02 -> "Message service";
            case 0x03 -> "Diagnostic message";
            case 0x05 -> "ALARM_8 indication";
            case 0x06 -> "NOTIFY indication";
            case 0x07 -> "ALARM_8 lock";
            case 0x08 -> "ALARM_8 unlock";
            case 0x09 -> "SCAN indication";
            case 0x0B -> "ALARM ack";
            case 0x0C -> "ALARM ack indication";
            case 0x0D -> "ALARM lock indication";
            case 0x0E -> "ALARM unlock indication";
            case 0x11 -> "ALARM_SQ indication";
            case 0x12 -> "ALARM_S indication";
            case 0x13 -> "ALARM query";
            case 0x16 -> "NOTIFY_8 indication";
            default -> null;
        };
    }

    private static String time(int sub) {
        return switch (sub) {
            case 0x01 -> "Read clock";
            case 0x02, 0x04 -> "Set clock";
            case 0x03 -> "Read clock (following)";
            default -> null;
        };
    }

    private static String nc(int sub) {
        return switch (sub) {
            case 0x01 -> "Request download";
            case 0x02 -> "Download block";
            case 0x03 -> "Continue download";
            case 0x04 -> "Download ended";
            case 0x06 -> "Start upload";
            case 0x07 -> "Upload";
            case 0x08 -> "Continue upload";
            default -> null;
        };
    }
}

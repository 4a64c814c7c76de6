package io.isthmus.wire.iec104.asdu;

/**
 * Type identifications usable on IEC 60870-5-104 (the selection it makes from those IEC
 * 60870-5-101 clauses 7.2.1 and 7.3 define), keyed by their octet, with the size of one
 * information element (the octets after each information object address) so the object count can
 * be checked against the bytes that arrived.
 */
public enum TypeId {
    M_SP_NA_1(1, "Single-point information", 1, TypeCategory.MONITOR),
    M_SP_TA_1(2, "Single-point information with time tag", 4, TypeCategory.MONITOR),
    M_DP_NA_1(3, "Double-point information", 1, TypeCategory.MONITOR),
    M_DP_TA_1(4, "Double-point information with time tag", 4, TypeCategory.MONITOR),
    M_ST_NA_1(5, "Step position information", 2, TypeCategory.MONITOR),
    M_ST_TA_1(6, "Step position information with time tag", 5, TypeCategory.MONITOR),
    M_BO_NA_1(7, "Bitstring of 32 bit", 5, TypeCategory.MONITOR),
    M_BO_TA_1(8, "Bitstring of 32 bit with time tag", 8, TypeCategory.MONITOR),
    M_ME_NA_1(9, "Measured value, normalized value", 3, TypeCategory.MONITOR),
    M_ME_TA_1(10, "Measured value, normalized value with time tag", 6, TypeCategory.MONITOR),
    M_ME_NB_1(11, "Measured value, scaled value", 3, TypeCategory.MONITOR),
    M_ME_TB_1(12, "Measured value, scaled value with time tag", 6, TypeCategory.MONITOR),
    M_ME_NC_1(13, "Measured value, short floating point", 5, TypeCategory.MONITOR),
    M_ME_TC_1(14, "Measured value, short floating point with time tag", 8, TypeCategory.MONITOR),
    M_IT_NA_1(15, "Integrated totals", 5, TypeCategory.MONITOR),
    M_IT_TA_1(16, "Integrated totals with time tag", 8, TypeCategory.MONITOR),
    M_EP_TA_1(17, "Event of protection equipment with time tag", 6, TypeCategory.MONITOR),
    M_EP_TB_1(18, "Packed start events of protection equipment with time tag", 7, TypeCategory.MONITOR),
    M_EP_TC_1(19, "Packed output circuit information of protection equipment with time tag", 7, TypeCategory.MONITOR),
    M_PS_NA_1(20, "Packed single-point information with status change detection", 5, TypeCategory.MONITOR),
    M_ME_ND_1(21, "Measured value, normalized value without quality descriptor", 2, TypeCategory.MONITOR),
    M_SP_TB_1(30, "Single-point information with time tag CP56Time2a", 8, TypeCategory.MONITOR),
    M_DP_TB_1(31, "Double-point information with time tag CP56Time2a", 8, TypeCategory.MONITOR),
    M_ST_TB_1(32, "Step position information with time tag CP56Time2a", 9, TypeCategory.MONITOR),
    M_BO_TB_1(33, "Bitstring of 32 bit with time tag CP56Time2a", 12, TypeCategory.MONITOR),
    M_ME_TD_1(34, "Measured value, normalized value with time tag CP56Time2a", 10, TypeCategory.MONITOR),
    M_ME_TE_1(35, "Measured value, scaled value with time tag CP56Time2a", 10, TypeCategory.MONITOR),
    M_ME_TF_1(36, "Measured value, short floating point with time tag CP56Time2a", 12, TypeCategory.MONITOR),
    M_IT_TB_1(37, "Integrated totals with time tag CP56Time2a", 12, TypeCategory.MONITOR),
    M_EP_TD_1(38, "Event of protection equipment with time tag CP56Time2a", 10, TypeCategory.MONITOR),
    M_EP_TE_1(39, "Packed start events of protection equipment with time tag CP56Time2a", 11, TypeCategory.MONITOR),
    M_EP_TF_1(40, "Packed output circuit information with time tag CP56Time2a", 11, TypeCategory.MONITOR),
    C_SC_NA_1(45, "Single command", 1, TypeCategory.SWITCHING_COMMAND),
    C_DC_NA_1(46, "Double command", 1, TypeCategory.SWITCHING_COMMAND),
    C_RC_NA_1(47, "Regulating step command", 1, TypeCategory.SWITCHING_COMMAND),
    C_SE_NA_1(48, "Set point command, normalized value", 3, TypeCategory.SETPOINT_COMMAND),
    C_SE_NB_1(49, "Set point command, scaled value", 3, TypeCategory.SETPOINT_COMMAND),
    C_SE_NC_1(50, "Set point command, short floating point", 5, TypeCategory.SETPOINT_COMMAND),
    C_BO_NA_1(51, "Bitstring of 32 bit command", 4, TypeCategory.SETPOINT_COMMAND),
    C_SC_TA_1(58, "Single command with time tag CP56Time2a", 8, TypeCategory.SWITCHING_COMMAND),
    C_DC_TA_1(59, "Double command with time tag CP56Time2a", 8, TypeCategory.SWITCHING_COMMAND),
    C_RC_TA_1(60, "Regulating step command with time tag CP56Time2a", 8, TypeCategory.SWITCHING_COMMAND),
    C_SE_TA_1(61, "Set point command, normalized value with time tag CP56Time2a", 10, TypeCategory.SETPOINT_COMMAND),
    C_SE_TB_1(62, "Set point command, scaled value with time tag CP56Time2a", 10, TypeCategory.SETPOINT_COMMAND),
    C_SE_TC_1(
            63, "Set point command, short floating point with time tag CP56Time2a", 12, TypeCategory.SETPOINT_COMMAND),
    C_BO_TA_1(64, "Bitstring of 32 bit command with time tag CP56Time2a", 11, TypeCategory.SETPOINT_COMMAND),
    M_EI_NA_1(70, "End of initialization", 1, TypeCategory.MONITOR),
    C_IC_NA_1(100, "Interrogation command", 1, TypeCategory.INTERROGATION),
    C_CI_NA_1(101, "Counter interrogation command", 1, TypeCategory.INTERROGATION),
    C_RD_NA_1(102, "Read command", 0, TypeCategory.INTERROGATION),
    C_CS_NA_1(103, "Clock synchronization command", 7, TypeCategory.CLOCK_SYNC),
    C_TS_NA_1(104, "Test command", 2, TypeCategory.TEST),
    C_RP_NA_1(105, "Reset process command", 1, TypeCategory.RESET),
    C_CD_NA_1(106, "Delay acquisition command", 2, TypeCategory.TEST),
    C_TS_TA_1(107, "Test command with time tag CP56Time2a", 9, TypeCategory.TEST),
    P_ME_NA_1(110, "Parameter of measured value, normalized value", 3, TypeCategory.PARAMETER),
    P_ME_NB_1(111, "Parameter of measured value, scaled value", 3, TypeCategory.PARAMETER),
    P_ME_NC_1(112, "Parameter of measured value, short floating point", 5, TypeCategory.PARAMETER),
    P_AC_NA_1(113, "Parameter activation", 1, TypeCategory.PARAMETER),
    F_FR_NA_1(120, "File ready", 6, TypeCategory.FILE_TRANSFER),
    F_SR_NA_1(121, "Section ready", 7, TypeCategory.FILE_TRANSFER),
    F_SC_NA_1(122, "Call directory, select file, call file, call section", 4, TypeCategory.FILE_TRANSFER),
    F_LS_NA_1(123, "Last section, last segment", 5, TypeCategory.FILE_TRANSFER),
    F_AF_NA_1(124, "ACK file, ACK section", 4, TypeCategory.FILE_TRANSFER),
    /** A segment: its element length is in the element itself. */
    F_SG_NA_1(125, "Segment", TypeId.VARIABLE, TypeCategory.FILE_TRANSFER),
    F_DR_TA_1(126, "Directory", 13, TypeCategory.FILE_TRANSFER),
    F_SC_NB_1(127, "Query log, request archive file", 16, TypeCategory.FILE_TRANSFER),
    /** A type identification the standard does not define; reported, never a crash. */
    UNKNOWN(-1, "Unknown type", TypeId.VARIABLE, TypeCategory.UNKNOWN);

    /** Marks element sizes that vary per object. */
    public static final int VARIABLE = -1;

    private static final TypeId[] BY_CODE = index();

    private final int code;
    private final String description;
    private final int elementSize;
    private final TypeCategory category;
    private final String displayName;

    TypeId(int code, String description, int elementSize, TypeCategory category) {
        this.code = code;
        this.description = description;
        this.elementSize = elementSize;
        this.category = category;
        this.displayName = name() + " " + description;
    }

    public static TypeId of(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }

    /** The type octet; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The name and the description ({@code M_ME_NC_1 measured value, short floating point}), made once. */
    public String displayName() {
        return displayName;
    }

    /** Octets of one information element without its address; {@link #VARIABLE} when not fixed. */
    public int elementSize() {
        return elementSize;
    }

    public TypeCategory category() {
        return category;
    }

    /** True for types the controlling station sends (commands, parameters, system commands). */
    public boolean controlDirection() {
        return switch (category) {
            case SWITCHING_COMMAND, SETPOINT_COMMAND, INTERROGATION, CLOCK_SYNC, RESET, TEST, PARAMETER -> true;
            case MONITOR, FILE_TRANSFER, UNKNOWN -> false;
        };
    }

    private static TypeId[] index() {
        TypeId[] table = new TypeId[256];
        for (TypeId t : values()) {
            if (t.code >= 0) {
                table[t.code] = t;
            }
        }
        return table;
    }
}

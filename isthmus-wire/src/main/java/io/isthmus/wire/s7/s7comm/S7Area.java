package io.isthmus.wire.s7.s7comm;

/** The memory area of an S7ANY address, with the letter STEP 7 writes it with. */
public enum S7Area {
    DATA_RECORD(0x01, "REC"),
    SYSTEM_INFO_200(0x03, "SI"),
    SYSTEM_FLAGS_200(0x05, "SM"),
    ANALOG_INPUTS_200(0x06, "AI"),
    ANALOG_OUTPUTS_200(0x07, "AQ"),
    COUNTERS(0x1C, "C"),
    TIMERS(0x1D, "T"),
    IEC_COUNTERS_200(0x1E, "IEC_C"),
    IEC_TIMERS_200(0x1F, "IEC_T"),
    PERIPHERY(0x80, "P"),
    INPUTS(0x81, "I"),
    OUTPUTS(0x82, "Q"),
    FLAGS(0x83, "M"),
    DATA_BLOCKS(0x84, "DB"),
    INSTANCE_DATA_BLOCKS(0x85, "DI"),
    LOCAL_DATA(0x86, "L"),
    PREVIOUS_LOCAL_DATA(0x87, "V"),
    UNKNOWN(-1, "?");

    /** The constants by their one-octet code; null where none is defined. */
    private static final S7Area[] BY_CODE = new S7Area[256];

    static {
        for (S7Area c : values()) {
            if (c.code >= 0) {
                BY_CODE[c.code] = c;
            }
        }
    }

    private final int code;
    private final String letter;

    S7Area(int code, String letter) {
        this.code = code;
        this.letter = letter;
    }

    public static S7Area of(int code) {
        S7Area c = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return c == null ? UNKNOWN : c;
    }

    public String letter() {
        return letter;
    }

    /** Data blocks are addressed by number: DB1.DBX0.0 */
    public boolean isDataBlock() {
        return this == DATA_BLOCKS || this == INSTANCE_DATA_BLOCKS;
    }
}

package io.isthmus.wire.profinet;

/** The BlockError of a DCP response block (IEC 61158-6-10): why a Set or Get of one block failed. */
public enum BlockError {
    OK(0, "ok"),
    OPTION_UNSUPPORTED(1, "option unsupported"),
    SUBOPTION_UNSUPPORTED(2, "suboption unsupported or no dataset available"),
    SUBOPTION_NOT_SET(3, "suboption not set"),
    RESOURCE_ERROR(4, "resource error"),
    SET_NOT_POSSIBLE(5, "SET not possible by local reasons"),
    IN_OPERATION(6, "in operation, SET not possible"),
    UNKNOWN(-1, "unknown block error");

    private final int code;
    private final String specName;

    BlockError(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final BlockError[] VALUES = values();

    public static BlockError of(int code) {
        return code >= 0 && code <= 6 ? VALUES[code] : UNKNOWN;
    }
}

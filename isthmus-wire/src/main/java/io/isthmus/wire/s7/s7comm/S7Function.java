package io.isthmus.wire.s7.s7comm;

import io.isthmus.model.AccessKind;

/**
 * The function codes of job and ack_data parameters, with the access kind each one exercises.
 * Block transfers (download is driven by the PLC's 0x1B/0x1C jobs to the programming device) and
 * uploads move logic, so they are {@link AccessKind#PROGRAM}; PLC control is refined per PI
 * service by {@link PiService}.
 */
public enum S7Function {
    CPU_SERVICES(0x00, "CPU Services", AccessKind.DIAGNOSTIC),
    /** Negotiates PDU size and parallel jobs; no effect on the process. */
    SETUP_COMMUNICATION(0xF0, "Setup Communication", AccessKind.DIAGNOSTIC),
    READ_VAR(0x04, "Read Var", AccessKind.READ),
    WRITE_VAR(0x05, "Write Var", AccessKind.WRITE),
    REQUEST_DOWNLOAD(0x1A, "Request Download", AccessKind.PROGRAM),
    DOWNLOAD_BLOCK(0x1B, "Download Block", AccessKind.PROGRAM),
    DOWNLOAD_ENDED(0x1C, "Download Ended", AccessKind.PROGRAM),
    START_UPLOAD(0x1D, "Start Upload", AccessKind.PROGRAM),
    UPLOAD(0x1E, "Upload", AccessKind.PROGRAM),
    END_UPLOAD(0x1F, "End Upload", AccessKind.PROGRAM),
    PLC_CONTROL(0x28, "PLC Control", AccessKind.CONTROL),
    PLC_STOP(0x29, "PLC Stop", AccessKind.CONTROL),
    UNKNOWN(-1, "Unknown Function", AccessKind.DIAGNOSTIC);

    /** The constants by their one-octet code; null where none is defined. */
    private static final S7Function[] BY_CODE = new S7Function[256];

    static {
        for (S7Function c : values()) {
            if (c.code >= 0) {
                BY_CODE[c.code] = c;
            }
        }
    }

    private final int code;
    private final String displayName;
    private final AccessKind access;

    S7Function(int code, String displayName, AccessKind access) {
        this.code = code;
        this.displayName = displayName;
        this.access = access;
    }

    public static S7Function of(int code) {
        S7Function c = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return c == null ? UNKNOWN : c;
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public AccessKind access() {
        return access;
    }

    public boolean isBlockFunction() {
        return code >= 0x1A && code <= 0x1F;
    }
}

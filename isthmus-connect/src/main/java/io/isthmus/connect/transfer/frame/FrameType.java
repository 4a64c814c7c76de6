package io.isthmus.connect.transfer.frame;

/** The type byte of a diode frame; codes never change meaning. */
public enum FrameType {
    /** One of the {@code k} data fragments of a batch body. */
    DATA(1),
    /** One of the {@code m} Reed–Solomon parity fragments of a batch body. */
    PARITY(2),
    /** What a batch holds (journal range, time span, tags), so a lost batch can be named. */
    MANIFEST(3),
    /** The sender is alive; carries the last batch sequence it sent. */
    HEARTBEAT(4);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static FrameType fromCode(int code) {
        return switch (code) {
            case 1 -> DATA;
            case 2 -> PARITY;
            case 3 -> MANIFEST;
            case 4 -> HEARTBEAT;
            default -> null;
        };
    }
}

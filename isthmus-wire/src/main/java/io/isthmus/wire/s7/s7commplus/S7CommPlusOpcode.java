package io.isthmus.wire.s7.s7commplus;

import io.isthmus.wire.Direction;

/** The opcode that opens the data part of an S7comm-plus frame. */
public enum S7CommPlusOpcode {
    REQUEST(0x31, "request", Direction.REQUEST),
    RESPONSE(0x32, "response", Direction.RESPONSE),
    NOTIFICATION(0x33, "notification", Direction.RESPONSE),
    /** A second response form some HMI panels receive for cyclic data. */
    RESPONSE2(0x02, "response2", Direction.RESPONSE),
    UNKNOWN(-1, "unknown", null);

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final S7CommPlusOpcode[] VALUES = values();

    private final int code;
    private final String id;
    private final Direction direction;

    S7CommPlusOpcode(int code, String id, Direction direction) {
        this.code = code;
        this.id = id;
        this.direction = direction;
    }

    public static S7CommPlusOpcode of(int code) {
        for (S7CommPlusOpcode o : VALUES) {
            if (o.code == code) {
                return o;
            }
        }
        return UNKNOWN;
    }

    public String id() {
        return id;
    }

    /** Requests come from the client; responses and notifications from the PLC; else the hint. */
    public Direction direction(Direction hint) {
        return direction == null ? hint : direction;
    }
}

package io.isthmus.wire.s7.s7commplus;

import io.isthmus.model.AccessKind;

/**
 * The function codes of S7comm-plus requests and responses, with their access kinds. Getting
 * variables reads and setting them writes; object management (create, delete, explore, links,
 * sequences, invoke) is how sessions and browsing work and is {@link AccessKind#DIAGNOSTIC} here,
 * because telling a program download from a session set-up needs a deep parse of the objects.
 */
public enum S7CommPlusFunction {
    ERROR(0x04B1, "Error", AccessKind.DIAGNOSTIC),
    EXPLORE(0x04BB, "Explore", AccessKind.DIAGNOSTIC),
    CREATE_OBJECT(0x04CA, "CreateObject", AccessKind.DIAGNOSTIC),
    DELETE_OBJECT(0x04D4, "DeleteObject", AccessKind.DIAGNOSTIC),
    SET_VARIABLE(0x04F2, "SetVariable", AccessKind.WRITE),
    GET_VARIABLE(0x04FC, "GetVariable", AccessKind.READ),
    ADD_LINK(0x0506, "AddLink", AccessKind.DIAGNOSTIC),
    REMOVE_LINK(0x051A, "RemoveLink", AccessKind.DIAGNOSTIC),
    GET_LINK(0x0524, "GetLink", AccessKind.DIAGNOSTIC),
    SET_MULTI_VARIABLES(0x0542, "SetMultiVariables", AccessKind.WRITE),
    GET_MULTI_VARIABLES(0x054C, "GetMultiVariables", AccessKind.READ),
    BEGIN_SEQUENCE(0x0556, "BeginSequence", AccessKind.DIAGNOSTIC),
    END_SEQUENCE(0x0560, "EndSequence", AccessKind.DIAGNOSTIC),
    INVOKE(0x056B, "Invoke", AccessKind.DIAGNOSTIC),
    SET_VAR_SUBSTREAMED(0x057C, "SetVarSubStreamed", AccessKind.WRITE),
    GET_VAR_SUBSTREAMED(0x0586, "GetVarSubStreamed", AccessKind.READ),
    GET_VARIABLES_ADDRESS(0x0590, "GetVariablesAddress", AccessKind.READ),
    ABORT(0x059A, "Abort", AccessKind.DIAGNOSTIC),
    UNKNOWN(-1, "Unknown Function", AccessKind.DIAGNOSTIC);

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final S7CommPlusFunction[] VALUES = values();

    private final int code;
    private final String displayName;
    private final AccessKind access;

    S7CommPlusFunction(int code, String displayName, AccessKind access) {
        this.code = code;
        this.displayName = displayName;
        this.access = access;
    }

    public static S7CommPlusFunction of(int code) {
        for (S7CommPlusFunction f : VALUES) {
            if (f.code == code) {
                return f;
            }
        }
        return UNKNOWN;
    }

    public String displayName() {
        return displayName;
    }

    public AccessKind access() {
        return access;
    }
}

package io.isthmus.wire.enip.cip;

import io.isthmus.model.AccessKind;
import java.util.Arrays;

/**
 * The common services of CIP Volume 1 Appendix A (codes 0x01-0x1C mean the same for every
 * object), with the access kind each one exercises. Reset, Start and Stop change the run state;
 * Create, Delete, Apply_Attributes, Restore, Save and the member edits change the device's
 * configuration and count as writes. Codes 0x32-0x7F are object specific; {@link CipObjectServices}
 * names and classifies them per object class.
 */
public enum CipService {
    GET_ATTRIBUTES_ALL(0x01, "Get_Attributes_All", AccessKind.READ),
    SET_ATTRIBUTES_ALL(0x02, "Set_Attributes_All", AccessKind.WRITE),
    GET_ATTRIBUTE_LIST(0x03, "Get_Attribute_List", AccessKind.READ),
    SET_ATTRIBUTE_LIST(0x04, "Set_Attribute_List", AccessKind.WRITE),
    RESET(0x05, "Reset", AccessKind.CONTROL),
    START(0x06, "Start", AccessKind.CONTROL),
    STOP(0x07, "Stop", AccessKind.CONTROL),
    CREATE(0x08, "Create", AccessKind.WRITE),
    DELETE(0x09, "Delete", AccessKind.WRITE),
    MULTIPLE_SERVICE_PACKET(0x0A, "Multiple_Service_Packet", AccessKind.DIAGNOSTIC),
    APPLY_ATTRIBUTES(0x0D, "Apply_Attributes", AccessKind.WRITE),
    GET_ATTRIBUTE_SINGLE(0x0E, "Get_Attribute_Single", AccessKind.READ),
    SET_ATTRIBUTE_SINGLE(0x10, "Set_Attribute_Single", AccessKind.WRITE),
    FIND_NEXT_OBJECT_INSTANCE(0x11, "Find_Next_Object_Instance", AccessKind.DIAGNOSTIC),
    ERROR_RESPONSE(0x14, "Error_Response", AccessKind.DIAGNOSTIC),
    RESTORE(0x15, "Restore", AccessKind.WRITE),
    SAVE(0x16, "Save", AccessKind.WRITE),
    NO_OPERATION(0x17, "No_Operation", AccessKind.DIAGNOSTIC),
    GET_MEMBER(0x18, "Get_Member", AccessKind.READ),
    SET_MEMBER(0x19, "Set_Member", AccessKind.WRITE),
    INSERT_MEMBER(0x1A, "Insert_Member", AccessKind.WRITE),
    REMOVE_MEMBER(0x1B, "Remove_Member", AccessKind.WRITE),
    GROUP_SYNC(0x1C, "GroupSync", AccessKind.DIAGNOSTIC),
    /** Object specific (0x32 and up) or reserved. */
    OTHER(-1, "Other", AccessKind.DIAGNOSTIC);

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final CipService[] VALUES = values();

    /** By 7-bit service code (the response bit is not part of it); the first constant wins. */
    private static final CipService[] BY_CODE = new CipService[0x80];

    static {
        Arrays.fill(BY_CODE, OTHER);
        for (int i = VALUES.length - 1; i >= 0; i--) {
            CipService s = VALUES[i];
            if (s.code >= 0 && s.code < BY_CODE.length) {
                BY_CODE[s.code] = s;
            }
        }
    }

    /** The bit that marks a reply (Volume 1 section 2-4.2: the request code with bit 7 set). */
    public static final int RESPONSE_BIT = 0x80;

    private final int code;
    private final String displayName;
    private final AccessKind access;

    CipService(int code, String displayName, AccessKind access) {
        this.code = code;
        this.displayName = displayName;
        this.access = access;
    }

    /** The common service with this code (response bit cleared), or {@link #OTHER}. */
    public static CipService of(int code) {
        int c = code & ~RESPONSE_BIT;
        if (c >= 0 && c < BY_CODE.length) { // every service code on the wire: asked per CIP message
            return BY_CODE[c];
        }
        for (CipService s : VALUES) {
            if (s.code == c) {
                return s;
            }
        }
        return OTHER;
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
}

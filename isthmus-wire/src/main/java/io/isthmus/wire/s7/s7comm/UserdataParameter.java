package io.isthmus.wire.s7.s7comm;

/**
 * The parameter of a userdata PDU: a 3-octet head (00 01 12), its own length (4 or 8), a method
 * (0x11 request, 0x12 response), type (high nibble: 0 push, 4 request, 8 response; 3/7/11 for NC)
 * and function group (low nibble), subfunction and sequence number. The 8-octet form adds the
 * data unit reference, the "last data unit" flag (0 = last, else more follow) and an error code.
 *
 * @param dataUnitReference -1 in the short form
 * @param moreDataUnits true when the answer continues in a further userdata PDU
 */
public record UserdataParameter(
        int type,
        UserdataGroup group,
        int groupCode,
        int subfunction,
        int sequence,
        int dataUnitReference,
        boolean moreDataUnits,
        int errorCode) {

    /** A request from the client (type 4, or 7 for NC). */
    public boolean isRequest() {
        return type == 0x4 || type == 0x7;
    }

    /** A response (type 8, or 11 for NC) as opposed to a request or an unsolicited push. */
    public boolean isResponse() {
        return type == 0x8 || type == 0xB;
    }
}

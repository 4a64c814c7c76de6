package io.isthmus.wire.dnp3.link;

/**
 * The 8-octet link header after its CRC was checked (IEEE 1815-2012 clause 9): length
 * (octets from the control octet to the end of user data, CRCs excluded), control, destination and
 * source addresses (little endian).
 */
public record LinkHeader(int length, int control, int destination, int source) {
    /** Octets of the start, length, control, addresses and header CRC. */
    public static final int SIZE = 10;
    /** The length counts control, destination and source before any user data. */
    public static final int MIN_LENGTH = 5;

    private static final int DATA_BLOCK = 16;

    /** DIR: set when the frame comes from the master (IEEE 1815-2012 clause 9, control octet). */
    public boolean fromMaster() {
        return fromMaster(control);
    }

    /** {@link #fromMaster()} of a control octet. */
    public static boolean fromMaster(int control) {
        return (control & 0x80) != 0;
    }

    /** PRM: set when the frame comes from the primary station of this link transaction. */
    public boolean primary() {
        return (control & 0x40) != 0;
    }

    public boolean frameCountBit() {
        return (control & 0x20) != 0;
    }

    public boolean frameCountValid() {
        return (control & 0x10) != 0;
    }

    public LinkFunction function() {
        return function(control);
    }

    /** {@link #function()} of a control octet. */
    public static LinkFunction function(int control) {
        return LinkFunction.of((control & 0x40) != 0, control & 0x0F);
    }

    public int userDataLength() {
        return length - MIN_LENGTH;
    }

    /** Octets the whole frame occupies on the wire: header, user data and one CRC per 16-octet block. */
    public int frameLength() {
        return frameLength(userDataLength());
    }

    /** {@link #frameLength()} of a frame with this many user-data octets. */
    static int frameLength(int userDataLength) {
        return SIZE + userDataLength + 2 * ((userDataLength + DATA_BLOCK - 1) / DATA_BLOCK);
    }
}

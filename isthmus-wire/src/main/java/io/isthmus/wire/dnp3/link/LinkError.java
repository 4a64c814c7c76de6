package io.isthmus.wire.dnp3.link;

/** Why a link frame was rejected; each maps to the stable anomaly code detection sees. */
public enum LinkError {
    /** Bytes where a frame should start are not 0x05 0x64 (garbage or lost synchronisation). */
    START_MISSING("dnp3_link_start_missing"),
    /** The header CRC does not match: the length and addresses cannot be trusted. */
    HEADER_CRC("dnp3_link_header_crc"),
    /** The length octet is below 5, the size of control plus addresses (IEEE 1815-2012 clause 9). */
    LENGTH_INVALID("dnp3_link_length_invalid"),
    /** A user-data block CRC does not match: the frame's user data is discarded (IEEE 1815-2012 clause 9). */
    DATA_CRC("dnp3_link_data_crc");

    private final String code;

    LinkError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * True for errors met while searching for a frame start: once synchronisation is lost, the
     * rest of the damaged stretch reports nothing new until a good header appears.
     */
    public boolean lostSynchronisation() {
        return this == START_MISSING || this == HEADER_CRC;
    }
}

package io.isthmus.wire.enip;

import io.isthmus.wire.Anomaly;

/** What can be wrong with an encapsulation message, with its stable anomaly code. */
public enum EnipError {
    /** The header cannot start a message: command above 0x00FF, status above 0xFF or options not 0. */
    HEADER_INVALID("enip_header_invalid"),
    /** The length field is above the configured maximum. */
    LENGTH_EXCEEDS_LIMIT("enip_length_exceeds_limit"),
    /** The command data is shorter than the command's fixed fields. */
    DATA_TRUNCATED("enip_data_truncated"),
    /** The Common Packet Format item count is above the configured maximum. */
    CPF_ITEM_COUNT_EXCEEDS_LIMIT("enip_cpf_item_count_exceeds_limit"),
    /** The item count claims more items than the data holds. */
    CPF_ITEM_COUNT_EXCEEDS_FRAME("enip_cpf_item_count_exceeds_frame"),
    /** An item claims more octets than the data holds. */
    CPF_ITEM_LENGTH_EXCEEDS_FRAME("enip_cpf_item_length_exceeds_frame"),
    /** A CIP identity item is shorter than its fields. */
    IDENTITY_TRUNCATED("enip_identity_truncated");

    private final String code;

    EnipError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Anomaly anomaly(String detail) {
        return new Anomaly(code, detail);
    }
}

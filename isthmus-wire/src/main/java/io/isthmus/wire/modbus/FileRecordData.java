package io.isthmus.wire.modbus;

import java.util.Objects;

/**
 * One sub-response of Read File Record (Modbus Application Protocol Specification V1.1b3, section
 * 6.14): the file response length on the wire is {@code 1 + data.byteCount()}.
 *
 * @param referenceType 6 in a conforming response
 * @param data the records read
 */
public record FileRecordData(int referenceType, Registers data) {
    public FileRecordData {
        Fields.requireU8("referenceType", referenceType);
        Objects.requireNonNull(data, "data");
        if (1 + data.byteCount() > 0xFF) {
            throw new IllegalArgumentException("file record data too long: " + data.size() + " registers");
        }
    }

    int encodedLength() {
        return 2 + data.byteCount();
    }
}

package io.isthmus.wire.modbus;

import java.util.Objects;

/**
 * One sub-request of Write File Record, echoed in its response (Modbus Application Protocol
 * Specification V1.1b3, section 6.15). The record length on the wire is {@code data.size()}.
 *
 * @param referenceType must be 6
 * @param fileNumber the file
 * @param recordNumber the first record (0..0x270F)
 * @param data the records to write
 */
public record FileRecordWrite(int referenceType, int fileNumber, int recordNumber, Registers data) {
    public FileRecordWrite {
        Fields.requireU8("referenceType", referenceType);
        Fields.requireU16("fileNumber", fileNumber);
        Fields.requireU16("recordNumber", recordNumber);
        Objects.requireNonNull(data, "data");
        Fields.requireU16("record length", data.size());
    }

    /** Bytes on the wire: reference type, file number, record number, record length, data. */
    int encodedLength() {
        return 7 + data.byteCount();
    }
}

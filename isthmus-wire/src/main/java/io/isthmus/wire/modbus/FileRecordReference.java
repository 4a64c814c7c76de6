package io.isthmus.wire.modbus;

/**
 * One sub-request of Read File Record (Modbus Application Protocol Specification V1.1b3, section
 * 6.14): which registers of which file to read.
 *
 * @param referenceType must be 6
 * @param fileNumber the file (1..0xFFFF; 0 is tolerated on the wire)
 * @param recordNumber the first record (0..0x270F)
 * @param recordLength number of 16-bit records to read
 */
public record FileRecordReference(int referenceType, int fileNumber, int recordNumber, int recordLength) {
    /** The only reference type the specification defines. */
    public static final int REFERENCE_TYPE = 6;
    /** The highest record number (section 6.14). */
    public static final int MAX_RECORD_NUMBER = 0x270F;

    public FileRecordReference {
        Fields.requireU8("referenceType", referenceType);
        Fields.requireU16("fileNumber", fileNumber);
        Fields.requireU16("recordNumber", recordNumber);
        Fields.requireU16("recordLength", recordLength);
    }
}

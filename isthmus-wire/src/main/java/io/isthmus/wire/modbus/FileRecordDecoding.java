package io.isthmus.wire.modbus;

import java.util.ArrayList;
import java.util.List;

/** The sub-request lists of Read and Write File Record (sections 6.14 and 6.15). */
final class FileRecordDecoding {
    private static final int REFERENCE_LENGTH = 7;

    private FileRecordDecoding() {}

    /** FC 20 request: {@code byteCount} bytes of 7-byte references from offset 2. */
    static PduDecode<List<FileRecordReference>> references(PduReader in, int byteCount, ModbusLimits limits) {
        if (byteCount % REFERENCE_LENGTH != 0) {
            return PduLayout.malformed(PduError.BYTE_COUNT_MISMATCH, 1);
        }
        int count = byteCount / REFERENCE_LENGTH;
        if (count > limits.maxFileSubRequests()) {
            return PduLayout.malformed(PduError.LIMIT_EXCEEDED, 1);
        }
        var out = new ArrayList<FileRecordReference>(count);
        for (int pos = 2; pos < 2 + byteCount; pos += REFERENCE_LENGTH) {
            out.add(new FileRecordReference(in.u8(pos), in.u16(pos + 1), in.u16(pos + 3), in.u16(pos + 5)));
        }
        return PduLayout.ok(out);
    }

    /** FC 21 request and response: {@code dataLength} bytes of sub-requests with their data. */
    static PduDecode<List<FileRecordWrite>> writes(PduReader in, int dataLength, ModbusLimits limits) {
        var out = new ArrayList<FileRecordWrite>();
        int end = 2 + dataLength;
        int pos = 2;
        while (pos < end) {
            if (end - pos < REFERENCE_LENGTH) {
                return PduLayout.malformed(PduError.BYTE_COUNT_MISMATCH, pos);
            }
            int dataBytes = 2 * in.u16(pos + 5);
            if (end - pos - REFERENCE_LENGTH < dataBytes) {
                return PduLayout.malformed(PduError.BYTE_COUNT_MISMATCH, pos + 5);
            }
            if (out.size() == limits.maxFileSubRequests()) {
                return PduLayout.malformed(PduError.LIMIT_EXCEEDED, pos);
            }
            var data = in.registers(pos + REFERENCE_LENGTH, dataBytes / 2);
            out.add(new FileRecordWrite(in.u8(pos), in.u16(pos + 1), in.u16(pos + 3), data));
            pos += REFERENCE_LENGTH + dataBytes;
        }
        return PduLayout.ok(out);
    }

    /** FC 20 response: {@code dataLength} bytes of (length, reference type, data) groups. */
    static PduDecode<List<FileRecordData>> data(PduReader in, int dataLength, ModbusLimits limits) {
        var out = new ArrayList<FileRecordData>();
        int end = 2 + dataLength;
        int pos = 2;
        while (pos < end) {
            int length = in.u8(pos);
            if (length == 0) {
                return PduLayout.malformed(PduError.BYTE_COUNT_MISMATCH, pos);
            }
            if (length % 2 == 0) {
                return PduLayout.malformed(PduError.ODD_LENGTH, pos);
            }
            if (end - pos - 1 < length) {
                return PduLayout.malformed(PduError.BYTE_COUNT_MISMATCH, pos);
            }
            if (out.size() == limits.maxFileSubRequests()) {
                return PduLayout.malformed(PduError.LIMIT_EXCEEDED, pos);
            }
            out.add(new FileRecordData(in.u8(pos + 1), in.registers(pos + 2, (length - 1) / 2)));
            pos += 1 + length;
        }
        return PduLayout.ok(out);
    }
}

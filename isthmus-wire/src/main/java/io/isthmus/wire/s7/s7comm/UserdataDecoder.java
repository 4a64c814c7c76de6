package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Decodes the parameter and, for Read SZL, the data of userdata PDUs (ROSCTR 7). Holds the data
 * unit reassembly of one flow direction, so long SZL answers are read whole.
 */
final class UserdataDecoder {

    private static final int RETURN_SUCCESS = 0xFF;
    private static final int LONG_FORM = 12;
    private static final int DATA_ITEM_HEADER = 4;

    private final int maxSzlRecords;
    private final UserdataReassembler units;

    UserdataDecoder(int maxSzlRecords, int maxUnits, int maxOctets) {
        this.maxSzlRecords = maxSzlRecords;
        this.units = new UserdataReassembler(maxUnits, maxOctets);
    }

    /**
     * The parameter at {@code p} (at least 8 octets: head, length, method, type and group,
     * subfunction, sequence; 12 in the long form with data unit reference, last-unit flag, error)
     * and the data part {@code [dataAt, dataAt + dataLength)}, of {@code buffer}; {@code b} is its
     * array ({@link Octets#of}), where parameter and data item header are read in place.
     */
    S7Message decode(
            ByteBuffer buffer,
            byte[] b,
            int p,
            int parameterLength,
            int dataAt,
            int dataLength,
            List<Anomaly> anomalies) {
        boolean longForm = u8(b, p + 3) >= 8 && parameterLength >= LONG_FORM;
        int typeGroup = u8(b, p + 5);
        var parameter = new UserdataParameter(
                typeGroup >> 4,
                UserdataGroup.of(typeGroup & 0x0F),
                typeGroup & 0x0F,
                u8(b, p + 6),
                u8(b, p + 7),
                longForm ? u8(b, p + 8) : -1,
                longForm && u8(b, p + 9) != 0,
                longForm ? u16(b, p + 10) : 0);
        return new S7Message.Userdata(parameter, content(buffer, b, parameter, dataAt, dataLength, anomalies));
    }

    /** The data item: return code, transport size, 16-bit length, then the SZL payload. */
    private UserdataContent content(
            ByteBuffer buffer, byte[] b, UserdataParameter parameter, int d, int dataLength, List<Anomaly> anomalies) {
        boolean readSzl = parameter.group() == UserdataGroup.CPU_FUNCTIONS && parameter.subfunction() == 1;
        if (!readSzl || dataLength < DATA_ITEM_HEADER) {
            return parameter.moreDataUnits()
                    ? new UserdataContent.MoreFollows(parameter.dataUnitReference())
                    : UserdataContent.OPAQUE;
        }
        int claimed = u16(b, d + 2);
        int length = Math.min(claimed, dataLength - DATA_ITEM_HEADER);
        if (claimed > length) {
            anomalies.add(S7Error.DATA_TRUNCATED.anomaly(
                    "SZL data item claims " + claimed + " octets, " + length + " present"));
        }
        if (u8(b, d) != RETURN_SUCCESS) {
            return UserdataContent.OPAQUE;
        }
        if (parameter.isRequest()) {
            return Szl.request(buffer, d + DATA_ITEM_HEADER, length);
        }
        return szlAnswer(buffer, parameter, d + DATA_ITEM_HEADER, length, anomalies);
    }

    /** A single-unit answer is read in place; the units of a longer one are joined first. */
    private UserdataContent szlAnswer(
            ByteBuffer b, UserdataParameter parameter, int at, int length, List<Anomaly> anomalies) {
        int reference = parameter.dataUnitReference();
        if (!parameter.moreDataUnits() && reference <= 0 && !units.holds(reference)) {
            return Szl.response(b, at, length, maxSzlRecords, anomalies);
        }
        return switch (units.accept(b, at, length, reference, parameter.moreDataUnits())) {
            case UserdataReassembler.Step.Pending p -> new UserdataContent.MoreFollows(reference);
            case UserdataReassembler.Step.Complete c ->
                Szl.response(c.payload(), 0, c.payload().limit(), maxSzlRecords, anomalies);
            case UserdataReassembler.Step.Failed f -> {
                anomalies.add(f.error().anomaly("data unit reference " + reference + ": " + f.value()));
                yield UserdataContent.OPAQUE;
            }
            case UserdataReassembler.Step.Dropped d -> UserdataContent.OPAQUE;
        };
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at) {
        return Octets.u16be(b, at);
    }
}

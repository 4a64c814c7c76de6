package io.isthmus.wire.enip;

import io.isthmus.wire.Anomaly;
import java.util.ArrayList;
import java.util.List;

/**
 * The Common Packet Format (CIP Volume 2 section 2-6): an item count, then per item a type id, a
 * length and that many octets. The count is bounded by the limit and by the octets present, and
 * each item's length by the octets left; an item that claims more is cut to what is there.
 */
public final class CommonPacketFormat {

    /** The octets of an item's header (type id and length) before its data. */
    public static final int ITEM_HEADER = 4;

    private CommonPacketFormat() {}

    /** The items in {@code [at, at + length)} of {@code b}; what is wrong goes to {@code anomalies}. */
    public static List<CpfItem> read(byte[] b, int at, int length, int maxItems, List<Anomaly> anomalies) {
        int n = count(b, at, length, maxItems, anomalies);
        List<CpfItem> items = new ArrayList<>(n);
        int end = at + length;
        int p = at + 2;
        for (int i = 0; i < n; i++) {
            int present = itemLength(b, p, end);
            items.add(new CpfItem(Encapsulation.u16(b, p), p + ITEM_HEADER, present));
            p += ITEM_HEADER + present;
        }
        return items;
    }

    /**
     * How many items {@link #read} would return, with the same anomalies, without making them: the
     * first item's header is at {@code at + 2}, each next one right after the previous item's data
     * ({@link #itemLength} octets after its header). The decoder's SendRRData and SendUnitData walk
     * makes the same checks as it decodes each item (the anomalies below are shared with it).
     */
    public static int count(byte[] b, int at, int length, int maxItems, List<Anomaly> anomalies) {
        if (length < 2) {
            anomalies.add(noCount());
            return 0;
        }
        int count = Encapsulation.u16(b, at);
        if (count > maxItems) {
            anomalies.add(countAboveLimit(count, maxItems));
        }
        int p = at + 2;
        int end = at + length;
        int limit = Math.min(count, maxItems);
        for (int i = 0; i < limit; i++) {
            if (p + ITEM_HEADER > end) {
                anomalies.add(countAboveData(count, i));
                return i;
            }
            int claimed = Encapsulation.u16(b, p + 2);
            int present = itemLength(b, p, end);
            if (claimed > present) {
                anomalies.add(lengthAboveData(b, p, i, present));
            }
            p += ITEM_HEADER + present;
        }
        return limit;
    }

    /*
     * The anomalies of the checks above, one place for their texts: EnipDecoder's SendData walk
     * makes the same checks as it reaches each item.
     */

    /** Fewer than the two octets of the item count. */
    static Anomaly noCount() {
        return EnipError.DATA_TRUNCATED.anomaly("no Common Packet Format item count");
    }

    /** An item count above the limit (the items up to the limit are read). */
    static Anomaly countAboveLimit(int count, int maxItems) {
        return EnipError.CPF_ITEM_COUNT_EXCEEDS_LIMIT.anomaly(count + " items, limit " + maxItems);
    }

    /** No room for the header of item {@code index} (0-based): the data holds {@code index} items. */
    static Anomaly countAboveData(int count, int index) {
        return EnipError.CPF_ITEM_COUNT_EXCEEDS_FRAME.anomaly(count + " items, the data holds " + index);
    }

    /** Item {@code index} (0-based, header at {@code p}) claims more octets than the {@code present} ones. */
    static Anomaly lengthAboveData(byte[] b, int p, int index, int present) {
        return EnipError.CPF_ITEM_LENGTH_EXCEEDS_FRAME.anomaly(String.format(
                "item %d (type 0x%04X) claims %d octets, %d present",
                index + 1, Encapsulation.u16(b, p), Encapsulation.u16(b, p + 2), present));
    }

    /**
     * The data octets of the item whose header is at {@code p} (its claimed length cut to what is
     * there before {@code end}); the header itself must be present.
     */
    public static int itemLength(byte[] b, int p, int end) {
        return Math.min(Encapsulation.u16(b, p + 2), end - p - ITEM_HEADER);
    }
}

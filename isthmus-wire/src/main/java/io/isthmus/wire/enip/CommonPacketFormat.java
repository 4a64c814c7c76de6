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

    private static final int ITEM_HEADER = 4;

    private CommonPacketFormat() {}

    /** The items in {@code [at, at + length)} of {@code b}; what is wrong goes to {@code anomalies}. */
    public static List<CpfItem> read(byte[] b, int at, int length, int maxItems, List<Anomaly> anomalies) {
        if (length < 2) {
            anomalies.add(EnipError.DATA_TRUNCATED.anomaly("no Common Packet Format item count"));
            return List.of();
        }
        int count = Encapsulation.u16(b, at);
        if (count > maxItems) {
            anomalies.add(EnipError.CPF_ITEM_COUNT_EXCEEDS_LIMIT.anomaly(count + " items, limit " + maxItems));
        }
        List<CpfItem> items = new ArrayList<>(Math.min(Math.min(count, maxItems), (length - 2) / ITEM_HEADER));
        int p = at + 2;
        int end = at + length;
        for (int i = 0; i < Math.min(count, maxItems); i++) {
            if (p + ITEM_HEADER > end) {
                anomalies.add(EnipError.CPF_ITEM_COUNT_EXCEEDS_FRAME.anomaly(count + " items, the data holds " + i));
                break;
            }
            int claimed = Encapsulation.u16(b, p + 2);
            int present = Math.min(claimed, end - p - ITEM_HEADER);
            if (claimed > present) {
                anomalies.add(EnipError.CPF_ITEM_LENGTH_EXCEEDS_FRAME.anomaly(String.format(
                        "item %d (type 0x%04X) claims %d octets, %d present",
                        i + 1, Encapsulation.u16(b, p), claimed, present)));
            }
            items.add(new CpfItem(Encapsulation.u16(b, p), p + ITEM_HEADER, present));
            p += ITEM_HEADER + present;
        }
        return items;
    }
}

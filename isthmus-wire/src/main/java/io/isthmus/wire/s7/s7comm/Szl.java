package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.Attribute;
import io.isthmus.wire.PrintableText;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The system status list (SZL) payload of a Read SZL userdata PDU. A request names an SZL id and
 * index; an answer repeats them and adds the record length, the record count and the records.
 * Two lists identify the module and are turned into attributes: module identification (partial
 * list 0x11: order number, firmware version) and component identification (partial list 0x1C:
 * station and module names, serial numbers, module type name).
 */
public final class Szl {

    private static final int HEADER = 8;
    /** Partial list extract 0xF (bits 11..8 of the id): only the header, the count of the full list. */
    private static final int HEADER_ONLY_EXTRACT = 0x0F;

    private static final int MODULE_IDENTIFICATION = 0x11;
    private static final int COMPONENT_IDENTIFICATION = 0x1C;
    private static final int MLFB_LENGTH = 20;

    private Szl() {}

    /** The SZL id and index of a request payload (the octets after the 4-octet data item header). */
    public static UserdataContent request(ByteBuffer b, int at, int length) {
        if (length < 4) {
            return UserdataContent.OPAQUE;
        }
        return new UserdataContent.SzlRead(u16(b, at), u16(b, at + 2), List.of());
    }

    /** The id, index and identity facts of a complete answer payload. */
    public static UserdataContent response(
            ByteBuffer b, int at, int length, int maxRecords, List<io.isthmus.wire.Anomaly> anomalies) {
        if (length < 4) {
            return UserdataContent.OPAQUE;
        }
        int id = u16(b, at);
        int index = u16(b, at + 2);
        if (length < HEADER) {
            return new UserdataContent.SzlRead(id, index, List.of());
        }
        int recordLength = u16(b, at + 4);
        int count = u16(b, at + 6);
        if (((id >> 8) & 0x0F) == HEADER_ONLY_EXTRACT) {
            return new UserdataContent.SzlRead(id, index, List.of());
        }
        int fit = recordLength == 0 ? 0 : (length - HEADER) / recordLength;
        if (count > maxRecords || count > fit) {
            anomalies.add(S7Error.SZL_RECORDS_INVALID.anomaly(String.format(
                    "SZL 0x%04X claims %d records of %d octets; %d fit, limit %d",
                    id, count, recordLength, fit, maxRecords)));
        }
        int records = Math.min(Math.min(count, fit), maxRecords);
        return new UserdataContent.SzlRead(id, index, identity(b, at + HEADER, id & 0xFF, recordLength, records));
    }

    private static List<Attribute> identity(ByteBuffer b, int at, int list, int recordLength, int records) {
        List<Attribute> facts = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            int record = at + r * recordLength;
            if (list == MODULE_IDENTIFICATION) {
                moduleRecord(b, record, recordLength, facts);
            } else if (list == COMPONENT_IDENTIFICATION) {
                componentRecord(b, record, recordLength, facts);
            }
        }
        return facts;
    }

    /** Record: index, 20-char order number (MLFB), module type, version octets Ausbg and Ausbe. */
    private static void moduleRecord(ByteBuffer b, int record, int recordLength, List<Attribute> facts) {
        if (recordLength < 2 + MLFB_LENGTH + 6) {
            return;
        }
        int index = u16(b, record);
        String mlfb = PrintableText.of(b, record + 2, MLFB_LENGTH);
        int ausbg = u16(b, record + 2 + MLFB_LENGTH + 2);
        int ausbe = u16(b, record + 2 + MLFB_LENGTH + 4);
        if (index == 0x0001 && !mlfb.isEmpty()) {
            facts.add(new Attribute("order_number", mlfb));
        } else if (index == 0x0007 && (ausbg >> 8) == 'V') {
            facts.add(new Attribute("firmware", "V" + (ausbg & 0xFF) + "." + (ausbe >> 8) + "." + (ausbe & 0xFF)));
        }
    }

    /** Record: index, then a 32-character (NUL-padded) text whose meaning the index gives. */
    private static void componentRecord(ByteBuffer b, int record, int recordLength, List<Attribute> facts) {
        if (recordLength < 3) {
            return;
        }
        String name = switch (u16(b, record)) {
            case 0x0001 -> "system_name";
            case 0x0002 -> "module_name";
            case 0x0003 -> "plant_designation";
            case 0x0004 -> "copyright";
            case 0x0005 -> "serial_number";
            case 0x0007 -> "module_type_name";
            case 0x0008 -> "memory_card_serial_number";
            case 0x000B -> "location";
            default -> null;
        };
        String text = name == null ? "" : PrintableText.of(b, record + 2, Math.min(recordLength - 2, 32));
        if (!text.isEmpty()) {
            facts.add(new Attribute(name, text));
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }
}

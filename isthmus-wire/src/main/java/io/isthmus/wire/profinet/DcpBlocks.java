package io.isthmus.wire.profinet;

import io.isthmus.wire.Anomaly;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the blocks after a DCP header (IEC 61158-6-10): Option, Suboption, DCPBlockLength, then
 * the block data, padded to an even length. Each length is checked against the octets of
 * DCPDataLength left; the first block that does not fit ends the reading with an anomaly, keeping
 * the blocks before it.
 */
final class DcpBlocks {
    private DcpBlocks() {}

    /** How the blocks of a PDU are laid out. */
    enum Layout {
        /** Identify request filters: no BlockInfo or BlockQualifier. */
        FILTER,
        /** Responses and Hello: a BlockInfo before the data (except control/response blocks). */
        INFO,
        /** Set request: a BlockQualifier before the data. */
        QUALIFIER,
        /** Get request: only Option/Suboption pairs. */
        OPTION_LIST
    }

    /** A block with its BlockInfo or BlockQualifier, when the layout has one. */
    record Entry(DcpBlock block, OptionalInt infoOrQualifier) {}

    /** The blocks read, and what stopped the reading early. */
    record Result(List<Entry> entries, Optional<Anomaly> anomaly) {}

    private static final int BLOCK_HEADER = 4;

    static Result read(ByteBuffer b, int from, int end, Layout layout, DcpLimits limits) {
        List<Entry> entries = new ArrayList<>();
        int p = from;
        while (p < end) {
            if (entries.size() >= limits.maxBlocks()) {
                return stop(entries, "pn_dcp_block_count_exceeded", "more than " + limits.maxBlocks() + " blocks");
            }
            int need = layout == Layout.OPTION_LIST ? 2 : BLOCK_HEADER;
            if (end - p < need) {
                return stop(
                        entries, "pn_dcp_block_truncated", (end - p) + " octets left, a block header needs " + need);
            }
            int option = b.get(p) & 0xFF;
            int suboption = b.get(p + 1) & 0xFF;
            if (layout == Layout.OPTION_LIST) {
                entries.add(new Entry(new DcpBlock.Other(option, suboption, 0), OptionalInt.empty()));
                p += 2;
                continue;
            }
            int length = DcpHeader.u16(b, p + 2);
            if (length > end - p - BLOCK_HEADER) {
                return stop(
                        entries,
                        "pn_dcp_block_length_exceeds_data",
                        "block " + option + "/" + suboption + " claims " + length + " octets, "
                                + (end - p - BLOCK_HEADER) + " remain");
            }
            boolean prefixed = layout == Layout.QUALIFIER || layout == Layout.INFO && !(option == 5 && suboption == 4);
            if (prefixed && length < 2) {
                return stop(
                        entries,
                        "pn_dcp_block_too_short",
                        "block " + option + "/" + suboption + " of " + length
                                + " octets has no room for its BlockInfo");
            }
            int data = p + BLOCK_HEADER + (prefixed ? 2 : 0);
            OptionalInt info = prefixed ? OptionalInt.of(DcpHeader.u16(b, p + BLOCK_HEADER)) : OptionalInt.empty();
            entries.add(new Entry(decode(b, option, suboption, data, length - (prefixed ? 2 : 0), limits), info));
            p += BLOCK_HEADER + length + (length & 1);
        }
        return new Result(entries, Optional.empty());
    }

    private static Result stop(List<Entry> entries, String code, String detail) {
        return new Result(entries, Optional.of(new Anomaly(code, detail)));
    }

    static DcpBlock decode(ByteBuffer b, int option, int suboption, int i, int n, DcpLimits limits) {
        DcpBlock other = new DcpBlock.Other(option, suboption, n);
        return switch (option) {
            case 1 -> ip(b, suboption, i, n, other);
            case 2 -> DeviceProperties.decode(b, suboption, i, n, limits, other);
            case 3 -> new DcpBlock.Dhcp(suboption);
            case 5 -> control(b, suboption, i, n, other);
            case 6 -> suboption == 1 && n >= 2 ? new DcpBlock.DeviceInitiative(DcpHeader.u16(b, i)) : other;
            case 0xFF -> suboption == 0xFF ? new DcpBlock.AllSelector() : other;
            default -> other;
        };
    }

    private static DcpBlock ip(ByteBuffer b, int suboption, int i, int n, DcpBlock other) {
        if (suboption == 1 && n >= 6) {
            return new DcpBlock.MacAddress(mac(b, i));
        }
        if ((suboption == 2 || suboption == 3) && n >= 12) {
            return new DcpBlock.IpParameter(ipv4(b, i), ipv4(b, i + 4), ipv4(b, i + 8));
        }
        return other;
    }

    private static DcpBlock control(ByteBuffer b, int suboption, int i, int n, DcpBlock other) {
        if (suboption == 4) {
            return n >= 3
                    ? new DcpBlock.Response(b.get(i) & 0xFF, b.get(i + 1) & 0xFF, BlockError.of(b.get(i + 2) & 0xFF))
                    : other;
        }
        return DcpBlock.ControlAction.of(suboption)
                .<DcpBlock>map(a -> new DcpBlock.Control(a, n >= 2 ? DcpHeader.u16(b, i) : 0))
                .orElse(other);
    }

    static String ipv4(ByteBuffer b, int i) {
        return (b.get(i) & 0xFF) + "." + (b.get(i + 1) & 0xFF) + "." + (b.get(i + 2) & 0xFF) + "."
                + (b.get(i + 3) & 0xFF);
    }

    private static String mac(ByteBuffer b, int i) {
        StringBuilder s = new StringBuilder(17);
        for (int k = 0; k < 6; k++) {
            s.append(k == 0 ? "" : ":").append(String.format("%02x", b.get(i + k) & 0xFF));
        }
        return s.toString();
    }
}

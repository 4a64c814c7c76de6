package io.isthmus.wire.profinet;

import java.nio.ByteBuffer;

/** The device properties option (2) of DCP (IEC 61158-6-10): identity, names and role. */
final class DeviceProperties {
    private DeviceProperties() {}

    static DcpBlock decode(ByteBuffer b, int suboption, int i, int n, DcpLimits limits, DcpBlock other) {
        return switch (suboption) {
            case 1 -> new DcpBlock.TypeOfStation(text(b, i, n, limits));
            case 2 -> new DcpBlock.NameOfStation(text(b, i, n, limits));
            case 3 -> n >= 4 ? new DcpBlock.DeviceId(DcpHeader.u16(b, i), DcpHeader.u16(b, i + 2), false) : other;
            case 4 -> n >= 1 ? new DcpBlock.DeviceRole(b.get(i) & 0xFF) : other;
            case 5 -> new DcpBlock.DeviceOptions(n / 2);
            case 6 -> new DcpBlock.AliasName(text(b, i, n, limits));
            case 7 -> n >= 2 ? new DcpBlock.DeviceInstance(b.get(i) & 0xFF, b.get(i + 1) & 0xFF) : other;
            case 8 -> n >= 4 ? new DcpBlock.DeviceId(DcpHeader.u16(b, i), DcpHeader.u16(b, i + 2), true) : other;
            default -> other;
        };
    }

    /**
     * A name or type string: octets shown as ISO 8859-1, at most {@code maxNameOctets}, control
     * characters (a NameOfStation may only hold letters, digits, '-' and '.') escaped as \xNN.
     */
    static String text(ByteBuffer b, int i, int n, DcpLimits limits) {
        int length = Math.min(Math.max(n, 0), limits.maxNameOctets());
        StringBuilder s = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            int c = b.get(i + k) & 0xFF;
            if (c < 0x20 || c >= 0x7F && c < 0xA0) {
                s.append(String.format("\\x%02x", c));
            } else {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    /** DeviceRole bits: IO device, IO controller, IO multidevice, PN supervisor. */
    static String role(int role) {
        String[] names = {"IO-Device", "IO-Controller", "IO-Multidevice", "PN-Supervisor"};
        StringBuilder s = new StringBuilder();
        for (int bit = 0; bit < names.length; bit++) {
            if ((role & 1 << bit) != 0) {
                s.append(s.isEmpty() ? "" : ",").append(names[bit]);
            }
        }
        return s.isEmpty() ? "none" : s.toString();
    }
}

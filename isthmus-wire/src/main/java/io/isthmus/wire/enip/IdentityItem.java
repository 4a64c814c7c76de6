package io.isthmus.wire.enip;

import io.isthmus.wire.Attribute;
import io.isthmus.wire.HexText;
import io.isthmus.wire.PrintableText;
import java.util.List;
import java.util.Optional;

/**
 * The CIP identity item (type 0x0C) of a ListIdentity reply (CIP Volume 2 section 2-4.2.3):
 * encapsulation protocol version, the device's socket address (big-endian, like sockaddr_in), then
 * the Identity object's vendor id, device type, product code, revision, status, serial number,
 * product name (a short string) and state.
 */
public record IdentityItem(
        int protocolVersion,
        String address,
        int port,
        int vendorId,
        int deviceType,
        int productCode,
        int revisionMajor,
        int revisionMinor,
        int status,
        long serialNumber,
        String productName,
        int state) {

    private static final int FIXED = 2 + 16 + 2 + 2 + 2 + 2 + 2 + 4 + 1;

    /** Decodes the item data in {@code [at, at + length)}; empty when shorter than its fields. */
    public static Optional<IdentityItem> read(byte[] b, int at, int length) {
        if (length < FIXED) {
            return Optional.empty();
        }
        int nameLength = b[at + FIXED - 1] & 0xFF;
        if (FIXED + nameLength > length) {
            return Optional.empty();
        }
        int p = at + 18;
        int state = FIXED + nameLength < length ? b[at + FIXED + nameLength] & 0xFF : -1;
        return Optional.of(new IdentityItem(
                Encapsulation.u16(b, at),
                (b[at + 6] & 0xFF) + "." + (b[at + 7] & 0xFF) + "." + (b[at + 8] & 0xFF) + "." + (b[at + 9] & 0xFF),
                ((b[at + 4] & 0xFF) << 8) | (b[at + 5] & 0xFF),
                Encapsulation.u16(b, p),
                Encapsulation.u16(b, p + 2),
                Encapsulation.u16(b, p + 4),
                b[p + 6] & 0xFF,
                b[p + 7] & 0xFF,
                Encapsulation.u16(b, p + 8),
                Encapsulation.u32(b, p + 10, 4),
                PrintableText.of(b, at + FIXED, nameLength),
                state));
    }

    /** The identity facts inventory reads, as attributes. */
    public List<Attribute> attributes() {
        return List.of(
                new Attribute("vendor_id", Integer.toString(vendorId)),
                new Attribute("device_type", Integer.toString(deviceType)),
                new Attribute("product_code", Integer.toString(productCode)),
                new Attribute("revision", revisionMajor + "." + revisionMinor),
                new Attribute("serial_number", HexText.of(serialNumber, 8)),
                new Attribute("product_name", productName),
                new Attribute("device_status", HexText.of(status, 4)),
                new Attribute("device_ip", address));
    }
}

package io.isthmus.wire.modbus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One object of a Read Device Identification response (Modbus Application Protocol Specification
 * V1.1b3, section 6.21): basic objects 0 VendorName, 1 ProductCode, 2 MajorMinorRevision; regular
 * 3..6; 0x80..0xFF private.
 *
 * @param id the object id
 * @param value the object's bytes (ASCII for the standard objects), at most 255
 */
public record DeviceIdObject(int id, byte[] value) {
    public static final int VENDOR_NAME = 0x00;
    public static final int PRODUCT_CODE = 0x01;
    public static final int MAJOR_MINOR_REVISION = 0x02;
    public static final int VENDOR_URL = 0x03;
    public static final int PRODUCT_NAME = 0x04;
    public static final int MODEL_NAME = 0x05;
    public static final int USER_APPLICATION_NAME = 0x06;

    public DeviceIdObject {
        Fields.requireU8("id", id);
        value = Fields.requireLength("value", value.clone(), 255);
    }

    /** An object holding an ASCII string; characters outside ASCII become '?'. */
    public static DeviceIdObject ofString(int id, String value) {
        return new DeviceIdObject(id, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** The value as text, byte for byte (ISO-8859-1, so hostile bytes stay visible). */
    public String valueAsString() {
        return new String(value, StandardCharsets.ISO_8859_1);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceIdObject d && id == d.id && Arrays.equals(value, d.value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "DeviceIdObject[id=" + id + ", value=\"" + valueAsString() + "\"]";
    }
}

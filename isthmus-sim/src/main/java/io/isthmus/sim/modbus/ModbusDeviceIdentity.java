package io.isthmus.sim.modbus;

import io.isthmus.wire.modbus.DeviceIdObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The basic device identification objects a server reports through function 43/14 (Modbus
 * Application Protocol Specification V1.1b3, section 6.21): VendorName, ProductCode,
 * MajorMinorRevision. All three are printable ASCII; each at most 64 characters so a full answer
 * always fits one PDU.
 */
public record ModbusDeviceIdentity(String vendorName, String productCode, String majorMinorRevision) {

    /** The vendor every simulated PLC reports. */
    public static final String VENDOR = "Isthmus Virtual Factory";

    private static final int MAX_LENGTH = 64;

    public ModbusDeviceIdentity {
        requireAscii("vendorName", vendorName);
        requireAscii("productCode", productCode);
        requireAscii("majorMinorRevision", majorMinorRevision);
    }

    /** The identity of one machine's PLC: ProductCode is the machine name. */
    public static ModbusDeviceIdentity forMachine(String machineName, String version) {
        return new ModbusDeviceIdentity(VENDOR, machineName, version);
    }

    /** Objects 0, 1 and 2, in object id order. */
    public List<DeviceIdObject> basicObjects() {
        return List.of(
                DeviceIdObject.ofString(DeviceIdObject.VENDOR_NAME, vendorName),
                DeviceIdObject.ofString(DeviceIdObject.PRODUCT_CODE, productCode),
                DeviceIdObject.ofString(DeviceIdObject.MAJOR_MINOR_REVISION, majorMinorRevision));
    }

    private static void requireAscii(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()
                || value.length() > MAX_LENGTH
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
            throw new IllegalArgumentException(name + " must be 1.." + MAX_LENGTH + " ASCII characters: " + value);
        }
    }
}

package io.isthmus.observe.inventory;

import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a device said about itself in one message, mapped to the inventory's identity parts. Only
 * messages a device sends about itself count: Modbus Read Device Identification (43/14) responses,
 * CIP ListIdentity responses, S7 SZL responses, BACnet I-Am and device-property ReadProperty ACKs,
 * PROFINET DCP Identify responses.
 *
 * @param source where it came from, as shown to a person ({@code "S7 SZL"})
 * @param parts {@code vendor}, {@code model}, {@code firmware}, {@code serial}, {@code name} where
 *     reported
 * @param raw the message's identity attributes as the dissector named them
 */
record IdentityClaim(String source, Map<String, String> parts, Map<String, String> raw) {

    static Optional<IdentityClaim> of(Observation o) {
        MessageSummary m = o.message();
        Map<String, String> a = new LinkedHashMap<>();
        for (Attribute at : m.attributes()) {
            a.putIfAbsent(at.name(), at.value());
        }
        Map<String, String> p = new LinkedHashMap<>();
        String source = "";
        switch (m.protocol()) {
            case MODBUS -> {
                if (m.direction() != Direction.RESPONSE || !"14".equals(a.get("mei_type"))) {
                    return Optional.empty();
                }
                source = "Modbus 43/14";
                put(p, "vendor", a.get("vendor_name"));
                put(p, "model", first(a.get("model_name"), a.get("product_name"), a.get("product_code")));
                put(p, "firmware", a.get("revision"));
                put(p, "name", a.get("user_application_name"));
            }
            case ENIP -> {
                if (m.direction() != Direction.RESPONSE || !a.containsKey("product_name")) {
                    return Optional.empty();
                }
                source = "CIP ListIdentity";
                put(p, "vendor", a.containsKey("vendor_id") ? CipVendors.name(a.get("vendor_id")) : null);
                put(p, "model", a.get("product_name"));
                put(p, "firmware", a.get("revision"));
                put(p, "serial", a.get("serial_number"));
            }
            case S7COMM -> {
                if (m.direction() != Direction.RESPONSE || !a.containsKey("szl_id")) {
                    return Optional.empty();
                }
                source = "S7 SZL";
                put(p, "vendor", "Siemens");
                put(p, "model", first(a.get("order_number"), a.get("module_type_name")));
                put(p, "firmware", a.get("firmware"));
                put(p, "serial", a.get("serial_number"));
                put(p, "name", first(a.get("module_name"), a.get("system_name"), a.get("plant_designation")));
            }
            case BACNET -> {
                if (a.containsKey("device_instance") && m.functionName().equals("i-Am")) {
                    source = "BACnet I-Am";
                    put(p, "vendor", a.containsKey("vendor_id") ? "BACnet vendor " + a.get("vendor_id") : null);
                    put(p, "name", "device " + a.get("device_instance"));
                } else if (m.direction() == Direction.RESPONSE
                        && "device".equals(a.get("object_type"))
                        && a.containsKey("property_value")) {
                    source = "BACnet ReadProperty";
                    String part = switch (a.getOrDefault("property", "")) {
                        case "vendor-name" -> "vendor";
                        case "model-name" -> "model";
                        case "firmware-revision", "application-software-version" -> "firmware";
                        case "object-name" -> "name";
                        default -> null;
                    };
                    if (part == null) {
                        return Optional.empty();
                    }
                    put(p, part, a.get("property_value"));
                } else {
                    return Optional.empty();
                }
            }
            case PN_DCP -> {
                if (m.direction() != Direction.RESPONSE
                        || (!a.containsKey("station_name") && !a.containsKey("vendor_id"))) {
                    return Optional.empty();
                }
                source = "PROFINET DCP";
                put(p, "vendor", a.containsKey("vendor_id") ? "PROFINET vendor " + a.get("vendor_id") : null);
                put(p, "model", a.get("type_of_station"));
                put(p, "name", a.get("station_name"));
            }
            case S7COMM_PLUS, DNP3, OPC_UA, IEC104, MQTT -> {
                return Optional.empty();
            }
        }
        return p.isEmpty() ? Optional.empty() : Optional.of(new IdentityClaim(source, p, a));
    }

    private static void put(Map<String, String> p, String part, String value) {
        if (value != null && !value.isBlank()) {
            p.put(part, value.strip());
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}

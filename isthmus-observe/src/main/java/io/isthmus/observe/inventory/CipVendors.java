package io.isthmus.observe.inventory;

/**
 * The ODVA CIP vendor ids Isthmus names; others are shown by number. Only ids checked against a
 * capture are listed (1: a 1756-ENBT in enip_test.pcap); the full ODVA list is not public as a file.
 */
final class CipVendors {
    private CipVendors() {}

    static String name(String id) {
        return switch (id) {
            case "1" -> "Rockwell Automation/Allen-Bradley";
            default -> "CIP vendor " + id;
        };
    }
}

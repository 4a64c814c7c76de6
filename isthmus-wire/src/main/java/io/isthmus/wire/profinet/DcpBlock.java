package io.isthmus.wire.profinet;

/**
 * The DCP blocks (IEC 61158-6-10, DCP block options and suboptions) a sensor reads, one record per
 * meaning. In a Set request a block is preceded by a BlockQualifier, in responses and Hello by a
 * BlockInfo ({@link DcpBlocks.Entry}).
 */
public sealed interface DcpBlock {

    /** Option IP (1), suboption MAC address (1). */
    record MacAddress(String mac) implements DcpBlock {}

    /** Option IP (1), suboption IP parameter (2) or full IP suite (3, the DNS servers are skipped). */
    record IpParameter(String ip, String netmask, String gateway) implements DcpBlock {}

    /** Option device properties (2), suboption TypeOfStation (1): the vendor's device family text. */
    record TypeOfStation(String text) implements DcpBlock {}

    /** Option device properties (2), suboption NameOfStation (2). */
    record NameOfStation(String name) implements DcpBlock {}

    /** Option device properties (2), suboption DeviceID (3) or OEM DeviceID (8). */
    record DeviceId(int vendorId, int deviceId, boolean oem) implements DcpBlock {}

    /** Option device properties (2), suboption DeviceRole (4): bit 0 IO device, bit 1 IO controller, bit 2 multidevice, bit 3 supervisor. */
    record DeviceRole(int role) implements DcpBlock {}

    /** Option device properties (2), suboption DeviceOptions (5): the option pairs the device supports. */
    record DeviceOptions(int count) implements DcpBlock {}

    /** Option device properties (2), suboption AliasName (6). */
    record AliasName(String name) implements DcpBlock {}

    /** Option device properties (2), suboption DeviceInstance (7). */
    record DeviceInstance(int high, int low) implements DcpBlock {}

    /** Option DHCP (3), any suboption (a DHCP option code). */
    record Dhcp(int suboption) implements DcpBlock {}

    /** Option control (5): start or end of a transaction, signal, reset (suboptions 1-3, 5, 6). */
    record Control(ControlAction action, int value) implements DcpBlock {}

    /** Option control (5), suboption response (4): which block a Set or Get answers, and its error. */
    record Response(int option, int suboption, BlockError error) implements DcpBlock {}

    /** Option device initiative (6): whether the device sends Hello after power-on. */
    record DeviceInitiative(int value) implements DcpBlock {}

    /** Option 0xFF, suboption 0xFF: "all", the Identify request that asks every device. */
    record AllSelector() implements DcpBlock {}

    /** Any other option or suboption, or a block too short for its meaning. */
    record Other(int option, int suboption, int length) implements DcpBlock {}

    /** Control suboptions (option 5). */
    enum ControlAction {
        START_TRANSACTION(1, "start transaction"),
        END_TRANSACTION(2, "end transaction"),
        SIGNAL(3, "signal"),
        RESET_FACTORY_SETTINGS(5, "reset factory settings"),
        RESET_TO_FACTORY(6, "reset to factory");

        private final int code;
        private final String specName;

        ControlAction(int code, String specName) {
            this.code = code;
            this.specName = specName;
        }

        public int code() {
            return code;
        }

        public String specName() {
            return specName;
        }

        static java.util.Optional<ControlAction> of(int code) {
            for (ControlAction a : values()) {
                if (a.code == code) {
                    return java.util.Optional.of(a);
                }
            }
            return java.util.Optional.empty();
        }
    }
}

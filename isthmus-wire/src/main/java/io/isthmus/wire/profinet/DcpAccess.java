package io.isthmus.wire.profinet;

import io.isthmus.model.AccessKind;
import java.util.List;

/**
 * The access kind of a DCP Set, from what its blocks do (or, for a response, which blocks it
 * acknowledges): resetting to factory settings wipes the device's configuration and restarts its
 * communication, {@link AccessKind#CONTROL}; setting an IP suite, a name, an alias or DHCP is a
 * {@link AccessKind#WRITE}; a Set that only makes the device signal (flash its LED) is {@link
 * AccessKind#DIAGNOSTIC}. The strongest kind among the blocks wins.
 */
final class DcpAccess {
    private DcpAccess() {}

    static AccessKind of(DcpService service, List<DcpBlocks.Entry> entries) {
        if (service != DcpService.SET) {
            return service.access();
        }
        boolean write = false;
        boolean signal = false;
        for (DcpBlocks.Entry e : entries) {
            switch (kind(e.block())) {
                case CONTROL -> {
                    return AccessKind.CONTROL;
                }
                case WRITE -> write = true;
                case DIAGNOSTIC -> signal = true;
                case READ, PROGRAM, DISCOVERY -> {}
            }
        }
        return write || !signal ? AccessKind.WRITE : AccessKind.DIAGNOSTIC;
    }

    /** What one block of a Set does; transaction brackets do nothing by themselves (DISCOVERY = none). */
    private static AccessKind kind(DcpBlock block) {
        return switch (block) {
            case DcpBlock.Control c -> control(c.action().code());
            case DcpBlock.Response r -> r.option() == 5 ? control(r.suboption()) : AccessKind.WRITE;
            case DcpBlock.MacAddress m -> AccessKind.WRITE;
            case DcpBlock.IpParameter ip -> AccessKind.WRITE;
            case DcpBlock.TypeOfStation t -> AccessKind.WRITE;
            case DcpBlock.NameOfStation n -> AccessKind.WRITE;
            case DcpBlock.DeviceId d -> AccessKind.WRITE;
            case DcpBlock.DeviceRole r -> AccessKind.WRITE;
            case DcpBlock.DeviceOptions o -> AccessKind.WRITE;
            case DcpBlock.AliasName a -> AccessKind.WRITE;
            case DcpBlock.DeviceInstance i -> AccessKind.WRITE;
            case DcpBlock.Dhcp d -> AccessKind.WRITE;
            case DcpBlock.DeviceInitiative d -> AccessKind.WRITE;
            case DcpBlock.Other o -> AccessKind.WRITE;
            case DcpBlock.AllSelector a -> AccessKind.DISCOVERY;
        };
    }

    private static AccessKind control(int suboption) {
        return switch (suboption) {
            case 3 -> AccessKind.DIAGNOSTIC;
            case 5, 6 -> AccessKind.CONTROL;
            default -> AccessKind.DISCOVERY;
        };
    }
}

package io.isthmus.model;

import java.util.Optional;

/**
 * What an asset does in the plant, as far as inventory can tell from its traffic and identity.
 * Roles drive the default Purdue level and which operations are expected from an asset.
 */
public enum AssetRole {
    /** Programmable logic controller, including safety PLCs. */
    PLC,
    /** Remote terminal unit or IED at an outstation. */
    RTU,
    /** Human-machine interface or SCADA operator station. */
    HMI,
    /** Runs the vendor engineering tools that program controllers. */
    ENGINEERING_WORKSTATION,
    /** Stores process history. */
    HISTORIAN,
    /** Serves process data over OPC (UA or Classic). */
    OPC_SERVER,
    /** An ordinary IT computer: office, server, jump host. */
    IT_HOST,
    /** Switches, routers, firewalls, wireless access points. */
    NETWORK_INFRASTRUCTURE,
    /** A field device: smart sensor, drive, remote I/O. */
    SENSOR_ACTUATOR,
    /** Seen on the network, not yet classified. */
    UNKNOWN;

    /** The Purdue level an asset of this role usually sits at, where there is a usual one. */
    public Optional<PurdueLevel> typicalLevel() {
        return switch (this) {
            case SENSOR_ACTUATOR -> Optional.of(PurdueLevel.LEVEL_0);
            case PLC, RTU -> Optional.of(PurdueLevel.LEVEL_1);
            case HMI, ENGINEERING_WORKSTATION, OPC_SERVER -> Optional.of(PurdueLevel.LEVEL_2);
            case HISTORIAN -> Optional.of(PurdueLevel.LEVEL_3);
            case IT_HOST, NETWORK_INFRASTRUCTURE, UNKNOWN -> Optional.empty();
        };
    }
}

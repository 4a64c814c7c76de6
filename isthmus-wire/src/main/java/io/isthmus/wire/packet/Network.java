package io.isthmus.wire.packet;

/** The network layer of a packet: IP, PROFINET real-time, or something this decoder does not open. */
public sealed interface Network permits IpHeader, Network.Profinet, Network.Other {

    /**
     * PROFINET real-time (EtherType 0x8892, IEC 61158-6-10 4.2): the payload starts at the 2-byte
     * FrameID, which tells DCP (0xFEFC..0xFEFF) from cyclic and alarm frames.
     */
    record Profinet(int frameId) implements Network {}

    /** Any other EtherType (ARP, LLDP, GOOSE, an 802.3 length): the payload is what follows it. */
    record Other(int etherType) implements Network {}
}

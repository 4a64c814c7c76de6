package io.isthmus.wire.bacnet;

/**
 * The bounds the BACnet/IP dissector puts on what a datagram controls. A datagram is never copied
 * or buffered; these bound the work and the text per datagram.
 *
 * @param maxMacLength the longest DADR or SADR accepted (ASHRAE 135 clause 6.2.2; 6 for B/IP and
 *     Ethernet, 3 for a B/IPv6 VMAC, 18 for a full B/IPv6 address and port)
 * @param maxTagsPerApdu how many tags are read from one APDU's service parameters
 * @param maxNameOctets the longest object name decoded for an attribute
 */
public record BacnetLimits(int maxMacLength, int maxTagsPerApdu, int maxNameOctets) {

    /** 18-octet MACs, 256 tags, 256-octet names. */
    public static final BacnetLimits DEFAULT = new BacnetLimits(18, 256, 256);

    public BacnetLimits {
        if (maxMacLength < 1 || maxMacLength > 255) {
            throw new IllegalArgumentException("maxMacLength must be 1..255, was " + maxMacLength);
        }
        if (maxTagsPerApdu < 8) {
            throw new IllegalArgumentException("maxTagsPerApdu must be at least 8, was " + maxTagsPerApdu);
        }
        if (maxNameOctets < 1) {
            throw new IllegalArgumentException("maxNameOctets must be positive, was " + maxNameOctets);
        }
    }
}

package io.isthmus.wire.enip;

/**
 * Every size and count of EtherNet/IP and CIP that the sender controls, in one place. Decoders
 * check each length read from the wire against these limits and against the octets present; a
 * flow direction never buffers more than one encapsulation message ({@code 24 +
 * maxEncapsulationLength} octets).
 *
 * @param maxEncapsulationLength largest length field of the encapsulation header (CIP Volume 2
 *     section 2-3.1: the data portion is at most 65511 octets)
 * @param maxCpfItems most items in one Common Packet Format list (Volume 2 section 2-6; real
 *     messages carry 2 to 4)
 * @param maxEmbedded most CIP messages decoded out of one Multiple Service Packet or Unconnected
 *     Send tree, all nesting levels together
 * @param maxNesting most levels of Multiple Service Packet / Unconnected Send nesting
 * @param maxPathSegments most segments in one request path
 */
public record EnipLimits(
        int maxEncapsulationLength, int maxCpfItems, int maxEmbedded, int maxNesting, int maxPathSegments) {

    /** Octets of the encapsulation header (Volume 2 section 2-3). */
    public static final int HEADER_LENGTH = 24;

    /** The limits of the specification, with room for the largest Multiple Service Packets seen. */
    public static final EnipLimits DEFAULT = new EnipLimits(65_511, 16, 256, 4, 64);

    public EnipLimits {
        requireRange("maxEncapsulationLength", maxEncapsulationLength, 0, 65_535);
        requireRange("maxCpfItems", maxCpfItems, 1, 65_535);
        requireRange("maxEmbedded", maxEmbedded, 1, 65_535);
        requireRange("maxNesting", maxNesting, 1, 64);
        requireRange("maxPathSegments", maxPathSegments, 1, 255);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
    }
}

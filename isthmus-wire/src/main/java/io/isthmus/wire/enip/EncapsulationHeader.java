package io.isthmus.wire.enip;

/**
 * The 24-octet encapsulation header (CIP Volume 2 section 2-3.1), all fields little-endian:
 * command, length of the data that follows, session handle, status, the sender context the
 * target echoes back, and options (always 0).
 */
public record EncapsulationHeader(
        int command, int length, long sessionHandle, long status, long senderContext, long options) {

    /** The session handle, status and options are 32-bit fields: a wider value is refused. */
    public EncapsulationHeader {
        if ((sessionHandle >>> 32) != 0 || (status >>> 32) != 0 || (options >>> 32) != 0) {
            throw new IllegalArgumentException(String.format(
                    "32-bit header field above 32 bits: session 0x%X, status 0x%X, options 0x%X",
                    sessionHandle, status, options));
        }
    }

    public EncapsulationCommand commandKind() {
        return EncapsulationCommand.of(command);
    }

    public EncapsulationStatus statusKind() {
        return EncapsulationStatus.of(status);
    }

    /** Octets of the whole message: header plus data. */
    public int totalLength() {
        return EnipLimits.HEADER_LENGTH + length;
    }
}

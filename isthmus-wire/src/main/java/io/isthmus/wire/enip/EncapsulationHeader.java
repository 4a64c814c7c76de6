package io.isthmus.wire.enip;

/**
 * The 24-octet encapsulation header (CIP Volume 2 section 2-3.1), all fields little-endian:
 * command, length of the data that follows, session handle, status, the sender context the
 * target echoes back, and options (always 0).
 */
public record EncapsulationHeader(
        int command, int length, long sessionHandle, long status, long senderContext, long options) {

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

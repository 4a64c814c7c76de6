package io.isthmus.wire.capture;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What {@link CaptureDecoder#next} found at the buffer's position: a packet, a block that carries
 * no packet, a request for more bytes, or damage that ends the capture.
 */
public sealed interface CaptureRecord {

    /**
     * One captured packet. Its bytes stay in the caller's buffer: {@code dataOffset} is an absolute
     * index into the buffer that was passed to {@link CaptureDecoder#next}, valid until the caller
     * advances past {@code consumed} bytes and refills.
     *
     * @param interfaceId the pcapng interface (0 for classic pcap)
     * @param linkTypeCode the LINKTYPE_ number as written in the file
     * @param timestampNanos nanoseconds since 1970-01-01T00:00Z (pcapng {@code if_tsoffset} applied)
     * @param originalLength the packet's length on the wire; may exceed {@code capturedLength} when
     *     the capture used a snap length
     * @param consumed the bytes of the record or block, header and padding included
     */
    record Packet(
            int interfaceId,
            int linkTypeCode,
            LinkType linkType,
            long timestampNanos,
            int originalLength,
            int dataOffset,
            int capturedLength,
            int consumed)
            implements CaptureRecord {

        /** A read-only view of the packet bytes in {@code buffer} (allocates a view: for the edges). */
        public ByteBuffer data(ByteBuffer buffer) {
            return buffer.asReadOnlyBuffer()
                    .limit(dataOffset + capturedLength)
                    .position(dataOffset)
                    .slice();
        }
    }

    /** A header or block that carries no packet (file header, section, interface, statistics, unknown). */
    record Skipped(BlockKind kind, int blockType, int consumed) implements CaptureRecord {
        public Skipped {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** At least {@code bytes} more bytes are needed; never more than {@link CaptureLimits#maxRecordBytes()}. */
    record NeedMore(int bytes) implements CaptureRecord {
        public NeedMore {
            if (bytes <= 0) {
                throw new IllegalArgumentException("need at least one more byte");
            }
        }
    }

    /**
     * The capture is damaged at {@code byteOffset} (counted from the first byte of the stream) and
     * cannot be read past it; every packet before was reported. The decoder answers the same from
     * then on.
     */
    record Malformed(CaptureError error, long byteOffset, String detail) implements CaptureRecord {
        public Malformed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }

        /** One line for a person: what is wrong, where, and why. */
        public String message() {
            return error.description() + " at byte offset " + byteOffset + ": " + detail;
        }
    }

    /** The kinds of records that carry no packet. */
    enum BlockKind {
        PCAP_FILE_HEADER,
        SECTION_HEADER,
        INTERFACE_DESCRIPTION,
        INTERFACE_STATISTICS,
        NAME_RESOLUTION,
        DECRYPTION_SECRETS,
        CUSTOM,
        /** A block type this reader does not know; skipped by its length (pcapng 3.1). */
        UNKNOWN
    }
}

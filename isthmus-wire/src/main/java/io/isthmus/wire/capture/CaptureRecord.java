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
     * <p>Not a record: a {@link CaptureDecoder} re-fills <b>one</b> packet per stream, so a packet
     * it returned is valid only until the next {@code next} call on that decoder, like the bytes it
     * points to. Copy the fields to keep them. (A record per packet was a tenth of the decoding
     * thread's allocation, docs/benchmarks.md, eighth session.) A packet built with the public
     * constructor is never changed.
     */
    final class Packet implements CaptureRecord {
        private int interfaceId;
        private int linkTypeCode;
        private LinkType linkType;
        private long timestampNanos;
        private int originalLength;
        private int dataOffset;
        private int capturedLength;
        private int consumed;

        /**
         * @param interfaceId the pcapng interface (0 for classic pcap)
         * @param linkTypeCode the LINKTYPE_ number as written in the file
         * @param timestampNanos nanoseconds since 1970-01-01T00:00Z (pcapng {@code if_tsoffset} applied)
         * @param originalLength the packet's length on the wire; may exceed {@code capturedLength}
         *     when the capture used a snap length
         * @param consumed the bytes of the record or block, header and padding included
         */
        public Packet(
                int interfaceId,
                int linkTypeCode,
                LinkType linkType,
                long timestampNanos,
                int originalLength,
                int dataOffset,
                int capturedLength,
                int consumed) {
            set(
                    interfaceId,
                    linkTypeCode,
                    Objects.requireNonNull(linkType, "linkType"),
                    timestampNanos,
                    originalLength,
                    dataOffset,
                    capturedLength,
                    consumed);
        }

        /** An empty packet for a reader to re-fill. */
        Packet() {}

        /** Re-aims this packet (the readers' reused instance); returns it. */
        Packet set(
                int interfaceId,
                int linkTypeCode,
                LinkType linkType,
                long timestampNanos,
                int originalLength,
                int dataOffset,
                int capturedLength,
                int consumed) {
            this.interfaceId = interfaceId;
            this.linkTypeCode = linkTypeCode;
            if (this.linkType != linkType) { // nearly always the same: no G1 write barrier per packet
                this.linkType = linkType;
            }
            this.timestampNanos = timestampNanos;
            this.originalLength = originalLength;
            this.dataOffset = dataOffset;
            this.capturedLength = capturedLength;
            this.consumed = consumed;
            return this;
        }

        public int interfaceId() {
            return interfaceId;
        }

        public int linkTypeCode() {
            return linkTypeCode;
        }

        public LinkType linkType() {
            return linkType;
        }

        public long timestampNanos() {
            return timestampNanos;
        }

        public int originalLength() {
            return originalLength;
        }

        public int dataOffset() {
            return dataOffset;
        }

        public int capturedLength() {
            return capturedLength;
        }

        public int consumed() {
            return consumed;
        }

        /** A read-only view of the packet bytes in {@code buffer} (allocates a view: for the edges). */
        public ByteBuffer data(ByteBuffer buffer) {
            return buffer.asReadOnlyBuffer()
                    .limit(dataOffset + capturedLength)
                    .position(dataOffset)
                    .slice();
        }

        @Override
        public String toString() {
            return "Packet[interfaceId=" + interfaceId + ", linkTypeCode=" + linkTypeCode + ", linkType=" + linkType
                    + ", timestampNanos=" + timestampNanos + ", originalLength=" + originalLength + ", dataOffset="
                    + dataOffset + ", capturedLength=" + capturedLength + ", consumed=" + consumed + "]";
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

package io.isthmus.wire.capture;

/** Why a capture cannot be read past some byte offset. */
public enum CaptureError {
    EMPTY("the capture is empty"),
    UNKNOWN_FORMAT("not a pcap or pcapng capture"),
    COMPRESSED("the capture is compressed"),
    UNSUPPORTED_VERSION("unsupported capture format version"),
    BAD_BYTE_ORDER_MAGIC("pcapng section header has no valid byte-order magic"),
    RECORD_TOO_LARGE("packet larger than the limit"),
    BLOCK_TOO_LARGE("pcapng block larger than the limit"),
    BAD_BLOCK_LENGTH("pcapng block length is invalid"),
    BLOCK_LENGTH_MISMATCH("pcapng block's trailing length differs from its leading length"),
    BAD_BLOCK_BODY("pcapng block body is inconsistent"),
    UNKNOWN_INTERFACE("packet names an interface that no description block declared"),
    TOO_MANY_INTERFACES("more interface description blocks than the limit"),
    BAD_TIMESTAMP_RESOLUTION("interface timestamp resolution cannot be represented"),
    TRUNCATED("the capture ends inside a record"),
    /** Reported by readers that decompress: the gzip stream ends early or is corrupt. */
    COMPRESSED_STREAM_DAMAGED("the compressed stream is damaged");

    private final String description;

    CaptureError(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

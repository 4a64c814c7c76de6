package io.isthmus.wire.capture;

/** The container formats {@link CaptureDecoder} reads, as recognised from the first four bytes. */
public enum CaptureFormat {
    /** Classic libpcap, magic 0xA1B2C3D4: microsecond timestamps. */
    PCAP_MICROSECONDS,
    /** Classic libpcap, magic 0xA1B23C4D: nanosecond timestamps. */
    PCAP_NANOSECONDS,
    /** Kuznetzov's modified pcap, magic 0xA1B2CD34: 24-byte record headers, microseconds. */
    PCAP_MODIFIED,
    /** pcapng (draft-ietf-opsawg-pcapng), starting with a section header block 0x0A0D0D0A. */
    PCAPNG
}

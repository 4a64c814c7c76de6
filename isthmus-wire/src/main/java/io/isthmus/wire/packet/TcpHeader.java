package io.isthmus.wire.packet;

/**
 * A TCP header (RFC 9293 3.1). Options are skipped by the data offset, never parsed.
 *
 * @param seq the sequence number, unsigned 32 bits held in an int
 * @param ack the acknowledgment number, unsigned 32 bits held in an int
 * @param flags the control bits (low 9 bits: NS, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN)
 * @param window the unscaled window
 */
public record TcpHeader(int srcPort, int dstPort, int seq, int ack, int flags, int window, int headerLength)
        implements Transport {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    public boolean isSyn() {
        return (flags & SYN) != 0;
    }

    public boolean isAck() {
        return (flags & ACK) != 0;
    }

    public boolean isFin() {
        return (flags & FIN) != 0;
    }

    public boolean isRst() {
        return (flags & RST) != 0;
    }
}

package io.isthmus.observe.flow;

import io.isthmus.wire.packet.PacketView;
import io.isthmus.wire.packet.TcpHeader;

/**
 * Whether a RST ends its connection, judged as the receiving host would (RFC 9293 3.10.7, RFC 5961
 * 3.2), so that a spoofed or stale RST seen on the wire does not end a flow the hosts keep using.
 *
 * <p>The receiver's RCV.NXT is what a passive observer can see of it: the receiver's latest ACK of
 * the RST sender's bytes, and the sequence number after the sender's highest byte (its SND.NXT,
 * which is where a stack puts its RST). The window is the receiver's latest advertised window,
 * unscaled: TCP options (window scale) are not parsed, so the window is a lower bound and an
 * in-window RST beyond it counts as ignored, not challenged; either way the flow goes on.
 */
enum ResetCheck {
    /** The sequence number is exactly the next one expected: the connection ends (RFC 5961 3.2). */
    EXACT,
    /**
     * In SYN-SENT: the RST acknowledges the client's SYN (its ACK is ISN + 1) and the other side
     * never sent anything before: the connection was refused (RFC 9293 3.10.7.3).
     */
    REFUSED,
    /**
     * Nothing of the RST's sender and no ACK of it was seen (the capture started mid-connection, or
     * the RST is the flow's first packet): there is no reference to judge by, so the RST is taken
     * as ending the flow, as before this check existed; a spoofer gains nothing on a flow the
     * sensor knows nothing about.
     */
    UNVERIFIED,
    /**
     * Inside the receiver's window but not exact: the receiver answers with a challenge ACK and
     * keeps the connection (RFC 5961 3.2); counted in {@link FlowStats#rstChallenged()}.
     */
    CHALLENGED,
    /**
     * Outside the window (a stale RST after retransmission, a blind spoof), or in SYN-SENT without
     * an acceptable ACK: the receiver drops it; counted in {@link FlowStats#rstIgnored()}.
     */
    IGNORED;

    /** The largest window a header can state without window scaling. */
    private static final long MAX_UNSCALED_WINDOW = 0xFFFF;

    /** Whether the RST ends the connection. */
    boolean ends() {
        return this == EXACT || this == REFUSED || this == UNVERIFIED;
    }

    /**
     * Judges a RST from the side whose stream is {@code sender} to the side whose stream is {@code
     * receiver}, before the RST itself is fed to either.
     */
    static ResetCheck judge(TcpReassembler sender, TcpReassembler receiver, PacketView rst) {
        if (receiver.synSeen() && !sender.started()) {
            // SYN-SENT: only a RST acknowledging the SYN is acceptable; one without ACK is dropped.
            return (rst.tcpFlags() & TcpHeader.ACK) != 0 && rst.ack() == receiver.isn() + 1 ? REFUSED : IGNORED;
        }
        boolean sent = sender.sentSeen();
        boolean acked = sender.peerAckSeen();
        if (!sent && !acked) {
            return UNVERIFIED;
        }
        int seq = rst.seq();
        if ((sent && seq == sender.sentEnd()) || (acked && seq == sender.peerAck())) {
            return EXACT;
        }
        int rcvNxt = acked ? sender.peerAck() : sender.sentEnd();
        long window = acked ? sender.peerWindow() & 0xFFFFL : MAX_UNSCALED_WINDOW;
        if (sent && acked) {
            window = Math.max(window, (long) (sender.sentEnd() - rcvNxt));
        }
        long distance = seq - rcvNxt; // modulo 2^32, RFC 9293 3.4.1
        return distance > 0 && distance < window ? CHALLENGED : IGNORED;
    }
}

package io.isthmus.observe.flow;

import io.isthmus.wire.capture.LinkType;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.Frames;
import io.isthmus.wire.packet.PacketDecoder;
import io.isthmus.wire.packet.TcpHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Drives a flow table with TCP segments between a client 10.0.0.1:49152 and a server
 * 10.0.0.2:502, built as Ethernet frames and decoded, with sequence numbers relative to each
 * side's initial sequence number.
 */
final class Conversation {
    static final int SYN = TcpHeader.SYN;
    static final int ACK = TcpHeader.ACK;
    static final int PSH_ACK = TcpHeader.PSH | TcpHeader.ACK;
    static final int FIN_ACK = TcpHeader.FIN | TcpHeader.ACK;
    static final int RST = TcpHeader.RST;

    private final FlowTable table;
    private final PacketDecoder decoder = new PacketDecoder();
    private final int clientIsn;
    private final int serverIsn;
    private int clientPort = 49152;
    /** The highest relative sequence number each side has sent up to (exclusive): what the other acknowledges. */
    private int clientSent;

    private int serverSent;
    private long time = 1_700_000_000_000_000_000L;

    Conversation(FlowTable table, int clientIsn, int serverIsn) {
        this.table = table;
        this.clientIsn = clientIsn;
        this.serverIsn = serverIsn;
    }

    Conversation(FlowTable table) {
        this(table, 1000, 5000);
    }

    Conversation clientPort(int port) {
        clientPort = port;
        return this;
    }

    /** SYN, SYN-ACK, ACK: afterwards both sides' next byte has relative sequence number 1. */
    Conversation handshake() {
        toServer(0, SYN, "");
        toClient(0, SYN | ACK, "");
        return toServer(1, ACK, "");
    }

    Conversation toServer(int relativeSeq, int flags, String payload) {
        clientSent = Math.max(clientSent, relativeSeq + payload.length() + control(flags));
        return send(true, clientIsn + relativeSeq, flags, bytes(payload));
    }

    Conversation toClient(int relativeSeq, int flags, String payload) {
        serverSent = Math.max(serverSent, relativeSeq + payload.length() + control(flags));
        return send(false, serverIsn + relativeSeq, flags, bytes(payload));
    }

    /** SYN and FIN occupy one sequence number each (RFC 9293 3.4). */
    private static int control(int flags) {
        return ((flags & SYN) != 0 ? 1 : 0) + ((flags & TcpHeader.FIN) != 0 ? 1 : 0);
    }

    /** Sends a segment; with ACK set it acknowledges everything the other side has sent so far. */
    Conversation send(boolean fromClient, int seq, int flags, byte[] payload) {
        return send(fromClient, seq, fromClient ? serverIsn + serverSent : clientIsn + clientSent, flags, payload);
    }

    /** Sends a segment with an explicit (absolute) acknowledgment number. */
    Conversation send(boolean fromClient, int seq, int ack, int flags, byte[] payload) {
        byte[] tcp = fromClient
                ? Frames.tcp(clientPort, 502, seq, ack, flags, payload)
                : Frames.tcp(502, clientPort, seq, ack, flags, payload);
        int src = Frames.ip4(fromClient ? "10.0.0.1" : "10.0.0.2");
        int dst = Frames.ip4(fromClient ? "10.0.0.2" : "10.0.0.1");
        byte[] frame = Frames.ethernet(
                fromClient ? Frames.MAC_B : Frames.MAC_A,
                fromClient ? Frames.MAC_A : Frames.MAC_B,
                0x0800,
                Frames.ipv4(src, dst, 6, tcp));
        ByteBuffer b = ByteBuffer.wrap(frame);
        table.accept((DecodedPacket) decoder.decode(b, 0, frame.length, LinkType.ETHERNET), b, time);
        time += 1_000_000;
        return this;
    }

    Conversation after(long nanos) {
        time += nanos;
        return this;
    }

    long time() {
        return time;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

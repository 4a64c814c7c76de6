package io.isthmus.wire.enip;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One direction of an EtherNet/IP flow: one encapsulation message per call, over TCP 44818 (a
 * stream) or UDP 44818 (one datagram per call; a datagram shorter than its header's length is
 * reported as need-more, which the session layer turns into a truncation). A header that cannot
 * start a message, or whose length is above the limit, is one malformed result; the octets up to
 * the next position that could start a message are then consumed without messages. Apart from that
 * flag it keeps nothing between messages.
 */
public final class EnipDissector implements Dissector {

    private final EnipLimits limits;
    private final EnipDecoder decoder;
    /** What the summaries found in the CIP message trees seen last (they repeat). */
    private final EnipSummary.Scans scans = new EnipSummary.Scans();
    /**
     * True after a broken header until a position that could start a message is reached: the
     * octets in between are dropped silently, so one damage is one anomaly however they arrive.
     */
    private boolean resynchronising;

    public EnipDissector(EnipLimits limits) {
        this.limits = limits;
        this.decoder = new EnipDecoder(limits);
    }

    @Override
    public Protocol protocol() {
        return Protocol.ENIP;
    }

    @Override
    public Dissection next(ByteBuffer data, Direction hint) {
        int at = data.position();
        int available = data.remaining();
        if (available == 0) {
            return new Dissection.NeedMore(EnipLimits.HEADER_LENGTH);
        }
        byte[] b = Octets.of(data); // indexed as data is; read only in [at, at + available)
        if (resynchronising) {
            int skip = Encapsulation.candidate(b, at, available, limits.maxEncapsulationLength());
            if (skip > 0) {
                return new Dissection.Messages(List.of(), skip);
            }
            if (available < EnipLimits.HEADER_LENGTH) {
                return new Dissection.NeedMore(EnipLimits.HEADER_LENGTH - available); // a candidate, not yet a header
            }
            resynchronising = false;
        }
        int framed = Encapsulation.frameLength(b, at, available, limits.maxEncapsulationLength());
        if (framed > 0) { // the usual case, without a read result
            return message(b, at, framed, hint);
        }
        return switch (Encapsulation.read(b, at, available, limits.maxEncapsulationLength())) {
            case EncapsulationRead.Incomplete i -> new Dissection.NeedMore(i.needed());
            case EncapsulationRead.Invalid i -> {
                resynchronising = true;
                yield new Dissection.Malformed(
                        i.error()
                                .anomaly(String.format(
                                        "%s: field value 0x%X", i.error().name().toLowerCase(), i.value())),
                        0,
                        Encapsulation.resync(b, at, available, limits.maxEncapsulationLength()));
            }
            case EncapsulationRead.Frame f -> message(b, at, f.header().totalLength(), hint);
        };
    }

    /**
     * The summary of the whole message of {@code length} octets at {@code at}, its header read in
     * place (no header or message object per message; for SendRRData and SendUnitData one object
     * for decoded body and attributes, {@link SendDataAttributes}).
     */
    private Dissection message(byte[] b, int at, int length, Direction hint) {
        MessageSummary summary;
        if (EnipDecoder.carriesCip(Encapsulation.command(b, at))) { // nearly every message
            SendDataAttributes sent = decoder.decodeSendData(b, at);
            summary = EnipSummary.of(b, at, sent, decoder.sequenceCount(), decoder.anomalies(), hint, scans);
        } else {
            EnipBody body = decoder.decode(b, at);
            summary = EnipSummary.of(b, at, body, decoder.anomalies(), hint);
        }
        return new Dissection.Messages(summary, length);
    }
}

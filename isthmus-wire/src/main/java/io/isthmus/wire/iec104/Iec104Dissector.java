package io.isthmus.wire.iec104;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.iec104.apci.Apci;
import io.isthmus.wire.iec104.apci.ApciDecoder;
import io.isthmus.wire.iec104.apci.ApduDecoding;
import io.isthmus.wire.iec104.asdu.AsduParser;
import io.isthmus.wire.iec104.asdu.AsduParsing;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * IEC 60870-5-104 over TCP, one flow direction: one APDU per call (clause 5), with its ASDU for
 * I-format frames (IEC 60870-5-101 clause 7). Every APDU, including S- and U-format frames, yields
 * one summary.
 *
 * <p>Once synchronisation is lost (no start octet, impossible length), bytes up to the next good
 * APDU are dropped silently after the first anomaly (an empty message list), so a damaged stretch
 * counts once however TCP segmented it.
 */
public final class Iec104Dissector implements Dissector {
    private final Iec104Limits limits;
    private boolean resynchronising;

    public Iec104Dissector(Iec104Limits limits) {
        this.limits = limits;
    }

    @Override
    public Protocol protocol() {
        return Protocol.IEC104;
    }

    @Override
    public Dissection next(ByteBuffer data, Direction hint) {
        return switch (ApciDecoder.decode(data, limits.maxApduLength())) {
            case ApduDecoding.NeedMore n -> new Dissection.NeedMore(n.bytes());
            case ApduDecoding.Invalid i -> invalid(i);
            case ApduDecoding.Apdu a -> {
                resynchronising = false;
                yield apdu(data, a, hint);
            }
        };
    }

    private Dissection invalid(ApduDecoding.Invalid invalid) {
        boolean searching = invalid.error().lostSynchronisation();
        if (searching && resynchronising) {
            return new Dissection.Messages(List.of(), invalid.skip());
        }
        resynchronising = searching;
        return new Dissection.Malformed(
                new Anomaly(invalid.error().code(), invalid.detail()), invalid.offset(), invalid.skip());
    }

    private Dissection apdu(ByteBuffer data, ApduDecoding.Apdu apdu, Direction hint) {
        return switch (apdu.apci()) {
            case Apci.SFormat s -> one(Iec104Summaries.supervisory(s, hint), apdu);
            case Apci.UFormat u -> one(Iec104Summaries.unnumbered(u), apdu);
            case Apci.IFormat i -> information(data, apdu, i, hint);
        };
    }

    private Dissection information(ByteBuffer data, ApduDecoding.Apdu apdu, Apci.IFormat i, Direction hint) {
        int offset = data.position() + apdu.asduOffset();
        return switch (AsduParser.parse(data, offset, apdu.asduLength(), limits.maxObjectsPerAsdu())) {
            case AsduParsing.Unreadable u ->
                new Dissection.Malformed(
                        new Anomaly(u.problem().error().code(), u.problem().detail()),
                        apdu.asduOffset(),
                        apdu.consumed());
            case AsduParsing.Parsed p -> one(Iec104Summaries.information(i, p.asdu(), hint), apdu);
        };
    }

    private static Dissection one(MessageSummary summary, ApduDecoding.Apdu apdu) {
        return new Dissection.Messages(summary, apdu.consumed());
    }
}

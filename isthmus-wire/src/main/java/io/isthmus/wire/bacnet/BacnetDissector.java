package io.isthmus.wire.bacnet;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.Octets;
import io.isthmus.wire.bacnet.apdu.Apdu;
import io.isthmus.wire.bacnet.apdu.AttributeRecord;
import io.isthmus.wire.bacnet.bvlc.BvlcFunction;
import io.isthmus.wire.bacnet.bvlc.BvlcResultCode;
import io.isthmus.wire.bacnet.bvlc.Bvll;
import io.isthmus.wire.bacnet.encoding.OctetReader;
import io.isthmus.wire.bacnet.npdu.NetworkMessageType;
import io.isthmus.wire.bacnet.npdu.Npdu;
import java.nio.ByteBuffer;

/**
 * Dissects BACnet/IP datagrams (ASHRAE 135 Annex J): BVLL, then the NPDU (clause 6) and the APDU
 * (clause 20) when the BVLC function carries one. Each call gets exactly one UDP payload and
 * consumes all of it; one summary per datagram. A BVLC Length that disagrees with the datagram is an
 * anomaly on the summary and the layers are read within the shorter of the two (as tshark does).
 * Damage to a layer's fixed fields is {@link
 * Dissection.Malformed} skipping the datagram; damage inside service parameters is an anomaly on
 * the summary, which still names the service. Carries nothing from one datagram to the next (its
 * working summary and attribute record start afresh for each): the same instance may serve any
 * flow, one thread at a time.
 */
public final class BacnetDissector implements Dissector {
    private final BacnetLimits limits;
    private final ApduSummaries apdus;
    /**
     * The attributes of the datagram being dissected: one record per dissector (one thread at a
     * time, as a dissector is), so its arrays are made at the size its messages need.
     */
    private final AttributeRecord attributes = new AttributeRecord();
    /** The summary of the datagram being dissected, over {@link #attributes}: started for each. */
    private final BacnetSummary summary = new BacnetSummary(attributes);
    /**
     * The reader of the BVLL, NPDU and APDU fields, reset for each layer (each layer's failure is
     * taken before the next is read) and released after each datagram.
     */
    private final OctetReader octets = new OctetReader(NOTHING, 0, 0);

    /** What the readers point at between datagrams (read only, never written). */
    static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    public BacnetDissector(BacnetLimits limits) {
        this.limits = limits;
        this.apdus = new ApduSummaries(limits);
    }

    @Override
    public Protocol protocol() {
        return Protocol.BACNET;
    }

    @Override
    public Dissection next(ByteBuffer data, Direction hint) {
        try {
            return datagram(data);
        } finally { // keeps no reference to the datagram's octets past it
            octets.reset(NOTHING, 0, 0);
            apdus.release();
        }
    }

    private Dissection datagram(ByteBuffer data) {
        int start = data.position();
        int datagram = data.remaining();
        if (datagram < Bvll.HEADER) {
            return new Dissection.Malformed(BacnetAnomalies.datagramTooShort(datagram), 0, datagram);
        }
        byte[] b = Octets.of(data); // the BVLL header read in place, at the buffer's indexes
        int length = Octets.u16be(b, start + 2);
        if (length < Bvll.HEADER) {
            return new Dissection.Malformed(BacnetAnomalies.lengthBelowHeader(length), 2, datagram);
        }
        int end = start + Math.min(length, datagram);
        Bvll bvll = null; // none for the usual Original-Unicast/Broadcast-NPDU: nothing in it but the NPDU's index
        int npduIndex = start + Bvll.HEADER;
        if (!Bvll.plainNpdu(b[start] & 0xFF, b[start + 1] & 0xFF)) {
            OctetReader r = octets.reset(data, start + Bvll.HEADER, end);
            bvll = Bvll.read(r, b[start] & 0xFF, b[start + 1] & 0xFF, length);
            if (r.failed()) {
                return malformed("bvlc", r, Bvll.HEADER, datagram);
            }
            npduIndex = bvll.payloadIndex();
        }
        BacnetSummary summary = this.summary.start();
        if (length < datagram) {
            summary.anomaly(BacnetAnomalies.lengthShortOfDatagram(length, datagram));
        } else if (length > datagram) {
            summary.anomaly(BacnetAnomalies.lengthBeyondDatagram(length, datagram));
        }
        if (bvll != null) {
            if (bvll.originatingAddress().isPresent()) { // no capturing lambda per datagram
                summary.attribute(
                        "originating_address", bvll.originatingAddress().get());
            }
            if (!bvll.function().carriesNpdu()) {
                return done(virtualLink(summary, bvll), datagram);
            }
        }
        if (npduIndex >= end) {
            return new Dissection.Malformed(BacnetAnomalies.empty(), npduIndex - start, datagram);
        }
        return network(data, start, end, npduIndex, summary, datagram);
    }

    private Dissection network(
            ByteBuffer data, int start, int end, int npduIndex, BacnetSummary summary, int datagram) {
        OctetReader r = octets.reset(data, npduIndex, end);
        Npdu npdu = Npdu.read(r, limits.maxMacLength());
        if (r.failed()) {
            return malformed("npdu", r, npduIndex - start, datagram);
        }
        routing(summary, npdu);
        if (npdu.isNetworkMessage()) {
            NetworkMessageType type = NetworkMessageType.of(npdu.messageType().getAsInt());
            summary.function(
                    type.response() ? Direction.RESPONSE : Direction.REQUEST,
                    NETWORK_MESSAGE | npdu.messageType().getAsInt(),
                    type.specName(),
                    type.access());
            if (npdu.vendorId().isPresent()) {
                summary.attribute("vendor_id", npdu.vendorId().getAsInt());
            }
            return done(summary, datagram);
        }
        OctetReader a = octets.reset(data, npdu.payloadIndex(), end);
        Apdu apdu = Apdu.read(a);
        if (a.failed()) {
            return malformed("apdu", a, npdu.payloadIndex() - start, datagram);
        }
        apdus.fill(summary, apdu, data, end);
        return done(summary, datagram);
    }

    /** Function codes of network layer messages: {@code 0x1000 | message type}. */
    static final int NETWORK_MESSAGE = 0x1000;

    /** Function codes of BVLL messages without an NPDU: {@code 0x2000 | BVLC function}. */
    static final int VIRTUAL_LINK = 0x2000;

    private static BacnetSummary virtualLink(BacnetSummary s, Bvll bvll) {
        BvlcFunction f = bvll.function();
        s.function(
                f.response() ? Direction.RESPONSE : Direction.REQUEST,
                VIRTUAL_LINK | f.code(),
                f.specName(),
                f.access());
        bvll.resultCode().ifPresent(code -> {
            if (code != 0) {
                BvlcResultCode result = BvlcResultCode.of(code);
                s.status(result == BvlcResultCode.UNKNOWN ? String.format("result 0x%04x", code) : result.specName());
            }
        });
        bvll.ttlSeconds().ifPresent(ttl -> s.attribute("time_to_live", ttl));
        return s;
    }

    /** Tests and gets instead of {@code ifPresent}: a capturing lambda is allocated per call under C1. */
    private static void routing(BacnetSummary s, Npdu npdu) {
        if (npdu.destinationNetwork().isPresent()) {
            s.attribute("dnet", npdu.destinationNetwork().getAsInt());
        }
        if (npdu.destinationAddress().isPresent()) {
            String a = npdu.destinationAddress().get();
            s.attribute("dadr", a.isEmpty() ? "broadcast" : a);
        }
        if (npdu.sourceNetwork().isPresent()) {
            s.attribute("snet", npdu.sourceNetwork().getAsInt());
        }
        if (npdu.sourceAddress().isPresent()) {
            s.attribute("sadr", npdu.sourceAddress().get());
        }
        if (npdu.hopCount().isPresent()) {
            s.attribute("hop_count", npdu.hopCount().getAsInt());
        }
        if (npdu.priority() != 0) {
            s.attribute("network_priority", npdu.priority());
        }
        if (npdu.reservedBitsSet()) {
            s.anomaly(BacnetAnomalies.reservedBits());
        }
    }

    private static Dissection malformed(String layer, OctetReader r, int layerOffset, int datagram) {
        var failure = r.failure().orElseThrow();
        Anomaly anomaly = BacnetAnomalies.of(layer, failure);
        return new Dissection.Malformed(anomaly, layerOffset + failure.offset(), datagram);
    }

    private static Dissection done(BacnetSummary s, int datagram) {
        return new Dissection.Messages(s.build(), datagram);
    }
}

package io.isthmus.wire.bacnet.apdu;

import io.isthmus.wire.bacnet.encoding.OctetReader;
import java.util.Optional;

/**
 * The fixed part of an application layer PDU (ASHRAE 135 clause 20.1), one record per PDU type.
 * {@code parametersIndex} is the absolute index where the service parameters start.
 */
public sealed interface Apdu {

    /** Segmentation fields of a segmented request or ComplexACK (clause 20.1.2.1-20.1.2.8). */
    record Segment(int sequenceNumber, int proposedWindowSize, boolean moreFollows) {}

    /** BACnet-Confirmed-Request-PDU (clause 20.1.2). */
    record ConfirmedRequest(
            int invokeId,
            int service,
            Optional<Segment> segment,
            boolean segmentedResponseAccepted,
            int maxSegments,
            int maxApdu,
            int parametersIndex)
            implements Apdu {}

    /** BACnet-Unconfirmed-Request-PDU (clause 20.1.3). */
    record UnconfirmedRequest(int service, int parametersIndex) implements Apdu {}

    /** BACnet-SimpleACK-PDU (clause 20.1.4). */
    record SimpleAck(int invokeId, int service) implements Apdu {}

    /** BACnet-ComplexACK-PDU (clause 20.1.5). */
    record ComplexAck(int invokeId, int service, Optional<Segment> segment, int parametersIndex) implements Apdu {}

    /** BACnet-SegmentACK-PDU (clause 20.1.6). */
    record SegmentAck(int invokeId, boolean negative, boolean fromServer, int sequenceNumber, int actualWindowSize)
            implements Apdu {}

    /** BACnet-Error-PDU (clause 20.1.7); error class and code follow as service parameters. */
    record Error(int invokeId, int service, int parametersIndex) implements Apdu {}

    /** BACnet-Reject-PDU (clause 20.1.8). */
    record Reject(int invokeId, int reason) implements Apdu {}

    /** BACnet-Abort-PDU (clause 20.1.9). */
    record Abort(int invokeId, boolean fromServer, int reason) implements Apdu {}

    /**
     * Reads the fixed fields of the APDU at the reader's position; a reserved PDU type (8-15) or a
     * PDU shorter than its type's fixed fields fails the reader.
     */
    static Apdu read(OctetReader r) {
        int first = r.u8("APDU type");
        Optional<PduType> type = PduType.of(first >>> 4);
        if (type.isEmpty()) {
            r.invalid("APDU type", first >>> 4);
            return new Reject(0, 0);
        }
        boolean segmented = (first & 0x08) != 0;
        boolean moreFollows = (first & 0x04) != 0;
        return switch (type.get()) {
            case CONFIRMED_REQUEST -> {
                int sizes = r.u8("max segments / max APDU");
                int invoke = r.u8("invoke ID");
                Optional<Segment> segment = segment(r, segmented, moreFollows);
                int service = r.u8("service choice");
                yield new ConfirmedRequest(
                        invoke, service, segment, (first & 0x02) != 0, sizes >>> 4 & 0x07, sizes & 0x0F, r.index());
            }
            case UNCONFIRMED_REQUEST -> {
                int service = r.u8("service choice");
                yield new UnconfirmedRequest(service, r.index());
            }
            case SIMPLE_ACK -> new SimpleAck(r.u8("invoke ID"), r.u8("service ACK choice"));
            case COMPLEX_ACK -> {
                int invoke = r.u8("invoke ID");
                Optional<Segment> segment = segment(r, segmented, moreFollows);
                int service = r.u8("service ACK choice");
                yield new ComplexAck(invoke, service, segment, r.index());
            }
            case SEGMENT_ACK ->
                new SegmentAck(
                        r.u8("invoke ID"),
                        (first & 0x02) != 0,
                        (first & 0x01) != 0,
                        r.u8("sequence number"),
                        r.u8("actual window size"));
            case ERROR -> {
                int invoke = r.u8("invoke ID");
                int service = r.u8("error choice");
                yield new Error(invoke, service, r.index());
            }
            case REJECT -> new Reject(r.u8("invoke ID"), r.u8("reject reason"));
            case ABORT -> new Abort(r.u8("invoke ID"), (first & 0x01) != 0, r.u8("abort reason"));
        };
    }

    private static Optional<Segment> segment(OctetReader r, boolean segmented, boolean moreFollows) {
        if (!segmented) {
            return Optional.empty();
        }
        return Optional.of(new Segment(r.u8("sequence number"), r.u8("proposed window size"), moreFollows));
    }
}

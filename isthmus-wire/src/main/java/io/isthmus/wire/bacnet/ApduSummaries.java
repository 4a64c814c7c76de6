package io.isthmus.wire.bacnet;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.Direction;
import io.isthmus.wire.bacnet.apdu.AbortReason;
import io.isthmus.wire.bacnet.apdu.Apdu;
import io.isthmus.wire.bacnet.apdu.ConfirmedService;
import io.isthmus.wire.bacnet.apdu.PduType;
import io.isthmus.wire.bacnet.apdu.RejectReason;
import io.isthmus.wire.bacnet.apdu.ServiceFacts;
import io.isthmus.wire.bacnet.apdu.ServiceParameters;
import io.isthmus.wire.bacnet.apdu.UnconfirmedService;
import io.isthmus.wire.bacnet.encoding.OctetReader;
import io.isthmus.wire.bacnet.encoding.TagReader;
import java.nio.ByteBuffer;

/**
 * Fills a summary from an APDU (ASHRAE 135 clause 20.1): function code {@code type << 8 |
 * service} (see package-info), the invoke ID as transaction, the service's access kind for the
 * request and every answer to it, and what the service parameters say.
 */
final class ApduSummaries {
    /** The service parameters' reader, reset for each APDU: one per dissector, one thread at a time. */
    private final TagReader tags;

    ApduSummaries(BacnetLimits limits) {
        this.tags = new TagReader(new OctetReader(BacnetDissector.NOTHING, 0, 0), limits.maxTagsPerApdu());
    }

    /** Drops the reader's reference to the last datagram's octets. */
    void release() {
        tags.reset(BacnetDissector.NOTHING, 0, 0);
    }

    void fill(BacnetSummary s, Apdu apdu, ByteBuffer data, int end) {
        switch (apdu) {
            case Apdu.ConfirmedRequest r -> {
                ConfirmedService service = ConfirmedService.of(r.service());
                s.function(
                                Direction.REQUEST,
                                code(PduType.CONFIRMED_REQUEST, r.service()),
                                name(service, r.service()),
                                service.access())
                        .transaction(r.invokeId());
                if (r.segment().isPresent()) { // no capturing lambda per APDU
                    segment(s, r.segment().get());
                }
                if (r.segment().isEmpty() || r.segment().get().sequenceNumber() == 0) {
                    TagReader t = tags(data, r.parametersIndex(), end);
                    apply(s, ServiceParameters.confirmedRequest(service, t, s.attributes()), t);
                }
            }
            case Apdu.UnconfirmedRequest r -> {
                UnconfirmedService service = UnconfirmedService.of(r.service());
                String name = service == UnconfirmedService.UNKNOWN
                        ? service.specName() + " " + r.service()
                        : service.specName();
                s.function(
                        service.answers() ? Direction.RESPONSE : Direction.REQUEST,
                        code(PduType.UNCONFIRMED_REQUEST, r.service()),
                        name,
                        service.access());
                TagReader t = tags(data, r.parametersIndex(), end);
                apply(s, ServiceParameters.unconfirmedRequest(service, t, s.attributes()), t);
            }
            case Apdu.SimpleAck a -> answer(s, PduType.SIMPLE_ACK, a.service(), a.invokeId());
            case Apdu.ComplexAck a -> {
                answer(s, PduType.COMPLEX_ACK, a.service(), a.invokeId());
                if (a.segment().isPresent()) {
                    segment(s, a.segment().get());
                }
                if (a.segment().isEmpty() || a.segment().get().sequenceNumber() == 0) {
                    TagReader t = tags(data, a.parametersIndex(), end);
                    apply(s, ServiceParameters.complexAck(ConfirmedService.of(a.service()), t, s.attributes()), t);
                }
            }
            case Apdu.Error e -> {
                answer(s, PduType.ERROR, e.service(), e.invokeId());
                TagReader t = tags(data, e.parametersIndex(), end);
                apply(s, ServiceParameters.error(t, s.attributes()), t);
            }
            case Apdu.SegmentAck a ->
                s.function(
                                a.fromServer() ? Direction.RESPONSE : Direction.REQUEST,
                                code(PduType.SEGMENT_ACK, 0),
                                PduType.SEGMENT_ACK.specName(),
                                AccessKind.DIAGNOSTIC)
                        .transaction(a.invokeId())
                        .attribute("sequence_number", a.sequenceNumber())
                        .attribute("negative", a.negative());
            case Apdu.Reject r ->
                s.function(
                                Direction.RESPONSE,
                                code(PduType.REJECT, 0),
                                PduType.REJECT.specName(),
                                AccessKind.DIAGNOSTIC)
                        .transaction(r.invokeId())
                        .status(RejectReason.describe(r.reason()));
            case Apdu.Abort a ->
                s.function(
                                a.fromServer() ? Direction.RESPONSE : Direction.REQUEST,
                                code(PduType.ABORT, 0),
                                PduType.ABORT.specName(),
                                AccessKind.DIAGNOSTIC)
                        .transaction(a.invokeId())
                        .status(AbortReason.describe(a.reason()));
        }
    }

    /** SimpleACK, ComplexACK and Error answer a confirmed service and inherit its access kind. */
    private static void answer(BacnetSummary s, PduType type, int service, int invokeId) {
        ConfirmedService c = ConfirmedService.of(service);
        s.function(Direction.RESPONSE, code(type, service), answerName(c, service, type), c.access())
                .transaction(invokeId);
    }

    /** {@code ReadProperty ComplexACK}: one string per known service and answer type, made on first use. */
    private static final String[][] ANSWER_NAMES =
            new String[PduType.values().length][ConfirmedService.values().length];

    private static String answerName(ConfirmedService c, int service, PduType type) {
        if (c == ConfirmedService.UNKNOWN) {
            return name(c, service) + " " + type.specName();
        }
        String[] names = ANSWER_NAMES[type.ordinal()];
        String n = names[c.ordinal()];
        if (n == null) { // a race only makes an equal string twice
            n = c.specName() + " " + type.specName();
            names[c.ordinal()] = n;
        }
        return n;
    }

    private static void segment(BacnetSummary s, Apdu.Segment seg) {
        s.attribute("sequence_number", seg.sequenceNumber()).attribute("more_follows", seg.moreFollows());
    }

    private static String name(ConfirmedService service, int code) {
        return service == ConfirmedService.UNKNOWN ? service.specName() + " " + code : service.specName();
    }

    static int code(PduType type, int service) {
        return type.code() << 8 | service;
    }

    private TagReader tags(ByteBuffer data, int from, int end) {
        return tags.reset(data, from, end);
    }

    /**
     * Copies the facts; a tag that broke the encoding (length beyond the APDU, too many tags) is
     * the anomaly, otherwise a structure that does not fit the service's production is.
     */
    private static void apply(BacnetSummary s, ServiceFacts facts, TagReader t) {
        s.range(facts.address(), facts.quantity()).status(facts.status());
        if (facts.access().isPresent()) { // tests and gets: no capturing lambda or Optional per APDU
            s.access(facts.access().get());
        }
        if (t.octets().failed()) {
            s.anomaly(BacnetAnomalies.of("tag", t.octets().failure().orElseThrow()));
        } else if (facts.unexpected().isPresent()) {
            s.anomaly(BacnetAnomalies.parameters(facts.unexpected().get()));
        }
    }
}

package io.isthmus.wire.dnp3;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.Octets;
import io.isthmus.wire.dnp3.app.AppFragment;
import io.isthmus.wire.dnp3.app.AppParser;
import io.isthmus.wire.dnp3.app.AppParsing;
import io.isthmus.wire.dnp3.app.FunctionCode;
import io.isthmus.wire.dnp3.link.LinkDecoder;
import io.isthmus.wire.dnp3.link.LinkDecoding;
import io.isthmus.wire.dnp3.link.LinkFunction;
import io.isthmus.wire.dnp3.link.LinkHeader;
import io.isthmus.wire.dnp3.transport.ReassemblyKey;
import io.isthmus.wire.dnp3.transport.SegmentOutcome;
import io.isthmus.wire.dnp3.transport.TransportProblem;
import io.isthmus.wire.dnp3.transport.TransportReassembler;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * DNP3 over TCP or UDP, one flow direction: link frames (CRC checked), transport reassembly per
 * direction and address pair, then the application fragment (IEEE 1815-2012 clauses 9, 8 and 4).
 * Each call handles one link frame: a frame that completes a fragment yields its summary, other
 * good frames (link-only frames such as Reset Link States, middle segments) yield an empty
 * message list, and bad ones yield {@link Dissection.Malformed} with a skip to the next frame.
 *
 * <p>Once synchronisation is lost (no start octets, or a header CRC mismatch), bytes up to the
 * next good header are dropped silently (an empty message list) after the first anomaly, so a
 * damaged stretch counts as one anomaly however TCP segmented it.
 */
public final class Dnp3Dissector implements Dissector {
    private final TransportReassembler transport;
    private final AppParser app;
    private final RequestMemory requests = new RequestMemory();
    private boolean resynchronising;
    /** The key of the last segment: a flow direction's frames mostly share one. */
    private ReassemblyKey lastKey;

    public Dnp3Dissector(Dnp3Limits limits) {
        this.transport = new TransportReassembler(
                limits.maxFragmentSize(), limits.maxSegmentsPerFragment(), limits.maxReassemblies());
        this.app = new AppParser(limits.maxObjectHeaders(), limits.maxPointsPerHeader());
    }

    @Override
    public Protocol protocol() {
        return Protocol.DNP3;
    }

    @Override
    public Dissection next(ByteBuffer data, Direction hint) {
        int frameLength = LinkDecoder.goodFrameLength(data);
        if (frameLength > 0) { // the common case, read in place: no frame objects, one copy of the payload
            resynchronising = false;
            return frame(
                    LinkDecoder.control(data),
                    LinkDecoder.destination(data),
                    LinkDecoder.source(data),
                    LinkDecoder.userDataLength(data),
                    data,
                    frameLength);
        }
        return switch (LinkDecoder.decode(data)) {
            case LinkDecoding.NeedMore n -> new Dissection.NeedMore(n.bytes());
            case LinkDecoding.Invalid i -> invalid(i);
            case LinkDecoding.Frame f -> { // goodFrameLength gives these; decode agrees (LinkDecoderTest)
                resynchronising = false;
                LinkHeader h = f.frame().header();
                yield frame(h.control(), h.destination(), h.source(), h.userDataLength(), data, f.consumed());
            }
        };
    }

    /**
     * Fragments still waiting for their last segment, as anomalies. The dissector seam has no
     * end-of-flow call yet; a caller that knows the flow ended may ask.
     */
    public List<Anomaly> unfinished() {
        return transport.unfinished().stream()
                .map(p -> new Anomaly(p.error().code(), p.detail()))
                .toList();
    }

    private Dissection invalid(LinkDecoding.Invalid invalid) {
        boolean searching = invalid.error().lostSynchronisation();
        if (searching && resynchronising) {
            return new Dissection.Messages(List.of(), invalid.skip());
        }
        resynchronising = searching;
        return new Dissection.Malformed(
                new Anomaly(invalid.error().code(), invalid.detail()), invalid.offset(), invalid.skip());
    }

    /**
     * A good frame at the buffer's position: its header's fields ({@link LinkHeader}, read in place
     * on the common path: no header object per frame), {@code consumed} octets in all.
     */
    private Dissection frame(
            int control, int destination, int source, int userDataLength, ByteBuffer data, int consumed) {
        LinkFunction function = LinkHeader.function(control);
        if (!function.carriesUserData()) {
            return userDataLength == 0
                    ? new Dissection.Messages(List.of(), consumed)
                    : malformed(
                            "dnp3_link_unexpected_user_data",
                            function.displayName() + " frame carries " + userDataLength
                                    + " user-data octets; discarded",
                            consumed);
        }
        ReassemblyKey key = key(LinkHeader.fromMaster(control), source, destination);
        SegmentOutcome outcome = userDataLength == 0
                ? TransportReassembler.emptySegment()
                : transport.accept(
                        key,
                        Octets.u8(Octets.of(data), data.position() + LinkHeader.SIZE), // the transport header
                        LinkDecoder.userData(data, 1));
        return switch (outcome) {
            case SegmentOutcome.Pending p ->
                p.problems().isEmpty()
                        ? new Dissection.Messages(List.of(), consumed)
                        : malformed(p.problems().get(0), consumed);
            case SegmentOutcome.Rejected r -> malformed(r.problem(), consumed);
            case SegmentOutcome.Complete c -> fragment(key, c, consumed);
        };
    }

    /** The reassembly key of the frame: the last one again when its stations and direction are the same. */
    private ReassemblyKey key(boolean fromMaster, int source, int destination) {
        ReassemblyKey last = lastKey;
        if (last == null
                || last.fromMaster() != fromMaster
                || last.source() != source
                || last.destination() != destination) {
            last = new ReassemblyKey(fromMaster, source, destination);
            lastKey = last;
        }
        return last;
    }

    /** The fragment that the frame of {@code link}'s direction and stations completed. */
    private Dissection fragment(ReassemblyKey link, SegmentOutcome.Complete complete, int consumed) {
        return switch (app.parse(complete.fragment())) {
            case AppParsing.Unreadable u ->
                malformed(u.problem().error().code(), u.problem().detail(), consumed);
            case AppParsing.Parsed p ->
                new Dissection.Messages(
                        Dnp3Summaries.of(link, p.fragment(), access(link, p.fragment()), complete.problems()),
                        consumed);
        };
    }

    private AccessKind access(ReassemblyKey link, AppFragment fragment) {
        int sequence = fragment.control().sequence();
        if (!fragment.function().isResponse()) {
            AccessKind kind = Dnp3Access.ofRequest(fragment.function());
            if (fragment.function() != FunctionCode.CONFIRM) {
                requests.remember(sequence, link.source(), link.destination(), kind);
            }
            return kind;
        }
        if (fragment.function() == FunctionCode.RESPONSE && fragment.control().fir()) {
            Optional<AccessKind> answered = requests.answer(sequence, link.destination(), link.source());
            return answered.isPresent() ? answered.get() : Dnp3Access.ofResponse(fragment); // no lambda per response
        }
        return Dnp3Access.ofResponse(fragment);
    }

    private static Dissection malformed(TransportProblem problem, int consumed) {
        return malformed(problem.error().code(), problem.detail(), consumed);
    }

    private static Dissection malformed(String code, String detail, int consumed) {
        return new Dissection.Malformed(new Anomaly(code, detail), 0, consumed);
    }
}

package io.isthmus.wire.dnp3.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reassembles application fragments from transport segments (IEEE 1815-2012 clause 8): FIR
 * starts a fragment, each further segment must carry the next sequence number, FIN completes it.
 * Everything an attacker controls is bounded by the constructor's limits: fragment size, segments
 * per fragment and fragments assembled at once (one per direction and address pair).
 */
public final class TransportReassembler {
    private final int maxFragmentSize;
    private final int maxSegments;
    private final int maxReassemblies;
    /**
     * The fragments being assembled: {@code List.of()} until the first fragment of several segments
     * (most flows never have one, and a dissector is made per flow direction), then an {@code
     * ArrayList}.
     */
    private List<PartialFragment> partials = List.of();

    public TransportReassembler(int maxFragmentSize, int maxSegments, int maxReassemblies) {
        if (maxFragmentSize < 1 || maxSegments < 1 || maxReassemblies < 1) {
            throw new IllegalArgumentException("reassembly limits must be positive");
        }
        this.maxFragmentSize = maxFragmentSize;
        this.maxSegments = maxSegments;
        this.maxReassemblies = maxReassemblies;
    }

    /**
     * Accepts one segment: the link frame's user data, transport header first.
     *
     * @param segment not kept; its payload is copied
     */
    public SegmentOutcome accept(ReassemblyKey key, byte[] segment) {
        if (segment.length == 0) {
            return emptySegment();
        }
        return accept(key, segment[0] & 0xFF, Arrays.copyOfRange(segment, 1, segment.length));
    }

    /**
     * Accepts one segment as its transport header octet and its payload (the user data after that
     * octet), which the reassembler takes over: a fragment of one segment is that array, the first
     * segment of a longer one starts the fragment's buffer, so the payload is copied once, by the
     * link layer (perf14d).
     *
     * @param payload owned by the reassembler from now on; the caller must not change it
     */
    public SegmentOutcome accept(ReassemblyKey key, int headerOctet, byte[] payload) {
        TransportHeader header = TransportHeader.of(headerOctet);
        return header.fir() ? first(key, payload, header) : following(key, payload, header);
    }

    /** The outcome of a link frame whose user data is empty: no transport header. */
    public static SegmentOutcome emptySegment() {
        return rejected(TransportError.EMPTY_SEGMENT, "user-data frame without a transport header");
    }

    /** Fragments still waiting for FIN, as problems: call when the flow ends. */
    public List<TransportProblem> unfinished() {
        List<TransportProblem> out = new ArrayList<>();
        for (PartialFragment p : partials) {
            out.add(new TransportProblem(
                    TransportError.FRAGMENT_UNFINISHED, "fragment never finished: " + p.describe()));
        }
        return out;
    }

    /** How many fragments are being assembled now (at most the configured maximum). */
    public int inProgress() {
        return partials.size();
    }

    private SegmentOutcome first(ReassemblyKey key, byte[] payload, TransportHeader header) {
        List<TransportProblem> problems = List.of(); // a list only when something was dropped
        PartialFragment previous = find(key);
        if (previous != null) {
            partials.remove(previous);
            problems = new ArrayList<>(2);
            problems.add(new TransportProblem(
                    TransportError.FRAGMENT_UNFINISHED, "new FIR before FIN; dropped " + previous.describe()));
        }
        if (payload.length > maxFragmentSize) {
            return rejected(
                    TransportError.FRAGMENT_TOO_LARGE,
                    "segment of " + payload.length + " octets exceeds the maximum fragment size " + maxFragmentSize);
        }
        if (header.fin()) {
            return new SegmentOutcome.Complete(payload, problems);
        }
        if (partials.size() >= maxReassemblies) {
            PartialFragment oldest = partials.remove(0);
            if (problems.isEmpty()) {
                problems = new ArrayList<>(1);
            }
            problems.add(new TransportProblem(
                    TransportError.TOO_MANY_REASSEMBLIES,
                    "more than " + maxReassemblies + " fragments in progress; dropped " + oldest.describe()));
        }
        if (!(partials instanceof ArrayList)) {
            partials = new ArrayList<>(2);
        }
        partials.add(new PartialFragment(key, payload, header.sequence()));
        return new SegmentOutcome.Pending(problems);
    }

    private SegmentOutcome following(ReassemblyKey key, byte[] payload, TransportHeader header) {
        PartialFragment partial = find(key);
        if (partial == null) {
            return rejected(
                    TransportError.NO_FIRST_SEGMENT,
                    "segment " + header.sequence() + " without FIR and no fragment in progress from " + key.source()
                            + " to " + key.destination());
        }
        if (header.sequence() == partial.lastSequence() && !header.fin()) {
            return new SegmentOutcome.Pending(List.of());
        }
        Optional<TransportProblem> problem = check(partial, payload, header);
        if (problem.isPresent()) {
            partials.remove(partial);
            return new SegmentOutcome.Rejected(problem.get());
        }
        partial.append(payload, header.sequence(), maxFragmentSize, header.fin());
        if (!header.fin()) {
            return new SegmentOutcome.Pending(List.of());
        }
        partials.remove(partial);
        return new SegmentOutcome.Complete(partial.toFragment(), List.of());
    }

    /** The reason to drop the fragment this segment would extend, empty when it fits. */
    private Optional<TransportProblem> check(PartialFragment partial, byte[] payload, TransportHeader header) {
        int expected = (partial.lastSequence() + 1) % TransportHeader.SEQUENCE_MODULO;
        if (header.sequence() != expected) {
            return problem(
                    TransportError.OUT_OF_SEQUENCE,
                    "expected sequence " + expected + ", got " + header.sequence() + "; dropped " + partial.describe());
        }
        if (partial.segments() + 1 > maxSegments) {
            return problem(
                    TransportError.TOO_MANY_SEGMENTS,
                    "more than " + maxSegments + " segments without FIN; dropped " + partial.describe());
        }
        if (partial.length() + payload.length > maxFragmentSize) {
            return problem(
                    TransportError.FRAGMENT_TOO_LARGE,
                    "fragment would exceed " + maxFragmentSize + " octets; dropped " + partial.describe());
        }
        return Optional.empty();
    }

    /**
     * The fragment in progress for the key, or null. Indexed, not iterated: no iterator per segment
     * (under C1 it is not scalar-replaced; perf12m), and no {@code Optional} (perf14d).
     */
    private PartialFragment find(ReassemblyKey key) {
        for (int i = 0, n = partials.size(); i < n; i++) {
            PartialFragment p = partials.get(i);
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }

    private static Optional<TransportProblem> problem(TransportError error, String detail) {
        return Optional.of(new TransportProblem(error, detail));
    }

    private static SegmentOutcome rejected(TransportError error, String detail) {
        return new SegmentOutcome.Rejected(new TransportProblem(error, detail));
    }
}

package io.isthmus.wire.dnp3;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.Direction;
import io.isthmus.wire.LazyAttributes;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.dnp3.app.AppFragment;
import io.isthmus.wire.dnp3.app.AppProblem;
import io.isthmus.wire.dnp3.app.FunctionCode;
import io.isthmus.wire.dnp3.app.Iin;
import io.isthmus.wire.dnp3.app.ObjectHeader;
import io.isthmus.wire.dnp3.app.ObjectRange;
import io.isthmus.wire.dnp3.transport.ReassemblyKey;
import io.isthmus.wire.dnp3.transport.TransportProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns a DNP3 application fragment into the protocol-independent summary: function = application
 * function code, unit = link destination, transaction = application sequence, direction from the
 * link DIR bit (master to outstation = request), address and quantity from the first object
 * header that names points, status = the IIN bits that report problems.
 */
final class Dnp3Summaries {
    /** Object headers listed in the {@code objects} attribute; the rest are counted. */
    private static final int LISTED_HEADERS = 16;

    private Dnp3Summaries() {}

    static MessageSummary of(
            ReassemblyKey link, AppFragment fragment, AccessKind access, List<TransportProblem> transportProblems) {
        Direction direction = link.fromMaster() ? Direction.REQUEST : Direction.RESPONSE;
        OptionalLong address = OptionalLong.empty();
        OptionalLong quantity = OptionalLong.empty();
        // The first header whose range names points gives address and quantity, if it knows its
        // first index.
        List<ObjectHeader> headers = fragment.headers();
        for (int i = 0; i < headers.size(); i++) {
            ObjectHeader h = headers.get(i);
            if (!(h.range() instanceof ObjectRange.All)) {
                if (h.firstIndex().isPresent()) {
                    address = MessageSummary.number(h.firstIndex().getAsLong());
                    quantity = MessageSummary.number(h.range().count());
                }
                break;
            }
        }
        return new MessageSummary(
                Protocol.DNP3,
                direction,
                fragment.functionCode(),
                name(fragment),
                access,
                MessageSummary.number(link.destination()),
                MessageSummary.number(fragment.control().sequence()),
                address,
                quantity,
                fragment.iinProblems(),
                new Attributes(link.source(), fragment),
                anomalies(fragment, transportProblems));
    }

    /**
     * The transport problems, then the fragment's, as anomalies. One anomaly (what a damaged
     * fragment nearly always has: the walk stops at its first problem) is a {@code List.of}, which
     * the summary keeps as it is, not a list that it copies.
     */
    private static List<Anomaly> anomalies(AppFragment fragment, List<TransportProblem> transportProblems) {
        int n = transportProblems.size() + fragment.problems().size();
        if (n == 0) {
            return List.of();
        }
        if (n == 1) {
            return List.of(
                    transportProblems.isEmpty()
                            ? anomaly(fragment.problems().get(0))
                            : anomaly(transportProblems.get(0)));
        }
        List<Anomaly> out = new ArrayList<>(n);
        for (int i = 0; i < transportProblems.size(); i++) { // indexed: no iterators (perf14d)
            out.add(anomaly(transportProblems.get(i)));
        }
        List<AppProblem> problems = fragment.problems();
        for (int i = 0; i < problems.size(); i++) {
            out.add(anomaly(problems.get(i)));
        }
        return out;
    }

    private static Anomaly anomaly(TransportProblem p) {
        return new Anomaly(p.error().code(), p.detail());
    }

    private static Anomaly anomaly(AppProblem p) {
        return new Anomaly(p.error().code(), p.detail() + " (fragment offset " + p.offset() + ")");
    }

    /**
     * The attributes, described from the decoded fragment when they are read: {@code source}, then
     * {@code objects} (the first {@value #LISTED_HEADERS} object headers), {@code iin} and {@code
     * unsolicited} where the fragment has them.
     */
    private static final class Attributes extends LazyAttributes {
        private final int source;
        private final AppFragment fragment;

        Attributes(int source, AppFragment fragment) {
            this.source = source;
            this.fragment = fragment;
        }

        @Override
        public void writeTo(AttributeSink out) {
            out.name("source");
            out.decimal(source);
            objects(fragment.headers(), out);
            if (!fragment.iin().isEmpty()) {
                out.name("iin");
                boolean first = true;
                for (Iin bit : fragment.iin()) {
                    if (!first) {
                        out.text(",");
                    }
                    out.text(bit.name());
                    first = false;
                }
            }
            if (fragment.control().uns()) {
                out.name("unsolicited");
                out.text("true");
            }
        }
    }

    private static String name(AppFragment fragment) {
        return fragment.function() == FunctionCode.UNKNOWN
                ? "Unknown function " + fragment.functionCode()
                : fragment.function().displayName();
    }

    private static void objects(List<ObjectHeader> headers, AttributeSink out) {
        if (headers.isEmpty()) {
            return;
        }
        out.name("objects");
        int listed = Math.min(headers.size(), LISTED_HEADERS);
        for (int i = 0; i < listed; i++) {
            if (i > 0) {
                out.text(", ");
            }
            headers.get(i).describeTo(out);
        }
        if (headers.size() > LISTED_HEADERS) {
            out.text(", +");
            out.decimal(headers.size() - LISTED_HEADERS);
            out.text(" more");
        }
    }
}

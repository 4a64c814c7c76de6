package io.isthmus.wire.dnp3;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.dnp3.app.AppFragment;
import io.isthmus.wire.dnp3.app.AppProblem;
import io.isthmus.wire.dnp3.app.FunctionCode;
import io.isthmus.wire.dnp3.app.Iin;
import io.isthmus.wire.dnp3.app.ObjectHeader;
import io.isthmus.wire.dnp3.app.ObjectRange;
import io.isthmus.wire.dnp3.link.LinkHeader;
import io.isthmus.wire.dnp3.transport.TransportProblem;
import java.util.List;

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
            LinkHeader link, AppFragment fragment, AccessKind access, List<TransportProblem> transportProblems) {
        Direction direction = link.fromMaster() ? Direction.REQUEST : Direction.RESPONSE;
        MessageSummary s = MessageSummary.of(Protocol.DNP3, direction, fragment.functionCode(), name(fragment), access)
                .withUnit(link.destination())
                .withTransaction(fragment.control().sequence())
                .withAttribute("source", Integer.toString(link.source()));
        s = range(s, fragment);
        s = objects(s, fragment);
        s = iin(s, fragment);
        if (fragment.control().uns()) {
            s = s.withAttribute("unsolicited", "true");
        }
        for (TransportProblem p : transportProblems) {
            s = s.withAnomaly(new Anomaly(p.error().code(), p.detail()));
        }
        for (AppProblem p : fragment.problems()) {
            s = s.withAnomaly(new Anomaly(p.error().code(), p.detail() + " (fragment offset " + p.offset() + ")"));
        }
        return s;
    }

    private static String name(AppFragment fragment) {
        return fragment.function() == FunctionCode.UNKNOWN
                ? "Unknown function " + fragment.functionCode()
                : fragment.function().displayName();
    }

    private static MessageSummary range(MessageSummary s, AppFragment fragment) {
        for (ObjectHeader h : fragment.headers()) {
            if (!(h.range() instanceof ObjectRange.All)) {
                return h.firstIndex().isPresent()
                        ? s.withRange(h.firstIndex().getAsLong(), h.range().count())
                        : s;
            }
        }
        return s;
    }

    private static MessageSummary objects(MessageSummary s, AppFragment fragment) {
        List<ObjectHeader> headers = fragment.headers();
        if (headers.isEmpty()) {
            return s;
        }
        StringBuilder text = new StringBuilder();
        int listed = Math.min(headers.size(), LISTED_HEADERS);
        for (int i = 0; i < listed; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(headers.get(i).describe());
        }
        if (headers.size() > LISTED_HEADERS) {
            text.append(", +").append(headers.size() - LISTED_HEADERS).append(" more");
        }
        return s.withAttribute("objects", text.toString());
    }

    private static MessageSummary iin(MessageSummary s, AppFragment fragment) {
        if (fragment.iin().isEmpty()) {
            return s;
        }
        StringBuilder all = new StringBuilder();
        StringBuilder problems = new StringBuilder();
        for (Iin bit : fragment.iin()) {
            append(all, bit);
            if (bit.problem()) {
                append(problems, bit);
            }
        }
        s = s.withAttribute("iin", all.toString());
        return problems.isEmpty() ? s : s.withStatus(problems.toString());
    }

    /** Names joined with commas, built by hand: every DNP3 response carries its IIN bits. */
    private static void append(StringBuilder names, Iin bit) {
        if (!names.isEmpty()) {
            names.append(',');
        }
        names.append(bit.name());
    }
}

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
import java.util.StringJoiner;
import java.util.stream.Collectors;

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
        StringJoiner text = new StringJoiner(", ");
        headers.stream().limit(LISTED_HEADERS).forEach(h -> text.add(h.describe()));
        if (headers.size() > LISTED_HEADERS) {
            text.add("+" + (headers.size() - LISTED_HEADERS) + " more");
        }
        return s.withAttribute("objects", text.toString());
    }

    private static MessageSummary iin(MessageSummary s, AppFragment fragment) {
        if (fragment.iin().isEmpty()) {
            return s;
        }
        s = s.withAttribute("iin", join(fragment.iin().stream().map(Iin::name).toList()));
        List<String> problems =
                fragment.iin().stream().filter(Iin::problem).map(Iin::name).toList();
        return problems.isEmpty() ? s : s.withStatus(join(problems));
    }

    private static String join(List<String> names) {
        return names.stream().collect(Collectors.joining(","));
    }
}

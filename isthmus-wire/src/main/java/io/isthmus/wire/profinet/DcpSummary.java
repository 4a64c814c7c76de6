package io.isthmus.wire.profinet;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Collects one DCP frame's summary fields and builds the {@link MessageSummary} once. */
final class DcpSummary {
    private final List<Attribute> attributes = new ArrayList<>(8);
    private final List<Anomaly> anomalies = new ArrayList<>(1);
    private Optional<String> status = Optional.empty();

    DcpSummary attribute(String name, Object value) {
        attributes.add(new Attribute(name, String.valueOf(value)));
        return this;
    }

    DcpSummary anomaly(Anomaly a) {
        anomalies.add(a);
        return this;
    }

    DcpSummary statusIfAbsent(String s) {
        if (status.isEmpty()) {
            status = Optional.of(s);
        }
        return this;
    }

    MessageSummary build(DcpHeader header, AccessKind access) {
        DcpService service = header.service();
        String name = service == DcpService.RESERVED ? "Reserved service " + header.serviceId() : service.specName();
        return new MessageSummary(
                Protocol.PN_DCP,
                header.type().response() ? Direction.RESPONSE : Direction.REQUEST,
                header.serviceId(),
                name,
                access,
                OptionalLong.empty(),
                MessageSummary.number(header.xid()),
                OptionalLong.empty(),
                OptionalLong.empty(),
                status,
                attributes,
                anomalies);
    }
}

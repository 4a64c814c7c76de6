package io.isthmus.wire.opcua;

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

/**
 * Collects one OPC UA message's summary fields, then builds the {@link MessageSummary} in one go
 * (OPC UA has no unit, address or quantity).
 */
final class OpcUaSummary {
    private final Direction direction;
    private final int function;
    private final String functionName;
    private final AccessKind access;
    private final List<Attribute> attributes = new ArrayList<>(4);
    private final List<Anomaly> anomalies = new ArrayList<>(1);
    private OptionalLong transaction = OptionalLong.empty();
    private Optional<String> status = Optional.empty();

    OpcUaSummary(Direction direction, int function, String functionName, AccessKind access) {
        this.direction = direction;
        this.function = function;
        this.functionName = functionName;
        this.access = access;
    }

    static OpcUaSummary of(Direction direction, OpcUaFunction function) {
        return new OpcUaSummary(direction, function.code(), function.functionName(), function.access());
    }

    String functionName() {
        return functionName;
    }

    OpcUaSummary attribute(String name, Object value) {
        attributes.add(new Attribute(name, String.valueOf(value)));
        return this;
    }

    OpcUaSummary anomaly(Anomaly anomaly) {
        anomalies.add(anomaly);
        return this;
    }

    OpcUaSummary transaction(OptionalLong t) {
        transaction = t;
        return this;
    }

    OpcUaSummary status(String s) {
        status = Optional.of(s);
        return this;
    }

    MessageSummary build() {
        return new MessageSummary(
                Protocol.OPC_UA,
                direction,
                function,
                functionName,
                access,
                OptionalLong.empty(),
                transaction,
                OptionalLong.empty(),
                OptionalLong.empty(),
                status,
                attributes,
                anomalies);
    }
}

package io.isthmus.wire.bacnet;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.bacnet.apdu.AttributeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Collects one BACnet message's summary fields and builds the {@link MessageSummary} once. One per
 * dissector, {@link #start started} again for each datagram (one thread at a time, as a dissector
 * is): the summary it builds keeps none of its state.
 */
final class BacnetSummary {
    private Direction direction = Direction.REQUEST;
    private int function;
    private String functionName = "";
    private AccessKind access = AccessKind.DIAGNOSTIC;
    /** Names with texts or numbers: the numbers' texts are made when the attributes are read. */
    private final AttributeRecord attributes;
    /** {@code List.of()} until the first anomaly: most messages have none. */
    private List<Anomaly> anomalies = List.of();

    private OptionalLong transaction = OptionalLong.empty();
    private OptionalLong address = OptionalLong.empty();
    private OptionalLong quantity = OptionalLong.empty();
    private Optional<String> status = Optional.empty();

    /** Fills {@code attributes} (the dissector's, reused: emptied by {@link #start}). */
    BacnetSummary(AttributeRecord attributes) {
        this.attributes = attributes;
    }

    /** Forgets the last message: every field as a new summary has it, the attributes emptied. */
    BacnetSummary start() {
        direction = Direction.REQUEST;
        function = 0;
        functionName = "";
        access = AccessKind.DIAGNOSTIC;
        attributes.clear();
        anomalies = List.of();
        transaction = OptionalLong.empty();
        address = OptionalLong.empty();
        quantity = OptionalLong.empty();
        status = Optional.empty();
        return this;
    }

    BacnetSummary function(Direction d, int code, String name, AccessKind kind) {
        direction = d;
        function = code;
        functionName = name;
        access = kind;
        return this;
    }

    BacnetSummary access(AccessKind kind) {
        access = kind;
        return this;
    }

    BacnetSummary attribute(String name, String value) {
        attributes.text(name, value);
        return this;
    }

    BacnetSummary attribute(String name, long value) {
        attributes.number(name, value);
        return this;
    }

    BacnetSummary attribute(String name, boolean value) {
        attributes.flag(name, value);
        return this;
    }

    /** The message's attributes so far; the service parameters add theirs after these. */
    AttributeRecord attributes() {
        return attributes;
    }

    BacnetSummary anomaly(Anomaly a) {
        if (anomalies.isEmpty()) {
            anomalies = new ArrayList<>(1);
        }
        anomalies.add(a);
        return this;
    }

    BacnetSummary transaction(long invokeId) {
        transaction = MessageSummary.number(invokeId);
        return this;
    }

    BacnetSummary range(OptionalLong first, OptionalLong count) {
        address = first;
        quantity = count;
        return this;
    }

    BacnetSummary status(String s) {
        status = Optional.of(s);
        return this;
    }

    BacnetSummary status(Optional<String> s) {
        if (s.isPresent()) {
            status = s;
        }
        return this;
    }

    MessageSummary build() {
        return new MessageSummary(
                Protocol.BACNET,
                direction,
                function,
                functionName,
                access,
                OptionalLong.empty(),
                transaction,
                address,
                quantity,
                status,
                attributes.freeze(),
                anomalies);
    }
}

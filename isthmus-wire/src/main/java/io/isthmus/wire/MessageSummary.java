package io.isthmus.wire;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The protocol-independent view of one application message that every dissector produces and
 * {@code isthmus analyze} writes as one line of observations.jsonl. Protocol-specific records stay
 * in each protocol's package; this is what inventory, detection and reports read.
 *
 * @param function the numeric function, command or service code as the protocol defines it
 * @param functionName the specification's name for it ("Read Holding Registers", "PLC Stop")
 * @param unit the addressed unit where the protocol has one (Modbus unit id, DNP3 destination,
 *     IEC 104 common address, CIP instance is not a unit)
 * @param transaction the id pairing a response with its request (Modbus transaction id, S7 PDU
 *     reference, ENIP sender context, DNP3 application sequence), when the protocol has one
 * @param address the first data address the message touches, when it has one
 * @param quantity how many items it touches, when it says
 * @param status an error or exception the message reports (Modbus exception name, CIP general
 *     status, DNP3 IIN bits set), empty for success
 */
public record MessageSummary(
        Protocol protocol,
        Direction direction,
        int function,
        String functionName,
        AccessKind access,
        OptionalLong unit,
        OptionalLong transaction,
        OptionalLong address,
        OptionalLong quantity,
        Optional<String> status,
        List<Attribute> attributes,
        List<Anomaly> anomalies) {

    public MessageSummary {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(status, "status");
        attributes = AppendedList.frozen(attributes);
        anomalies = AppendedList.frozen(anomalies);
    }

    /**
     * The present {@link OptionalLong} of {@code value}, one shared instance per value in 0..65535
     * (units, transaction ids, addresses and quantities are 8- or 16-bit numbers in most protocols),
     * so that summaries do not allocate one per field and message.
     */
    public static OptionalLong number(long value) {
        if (value < 0 || value >= SHARED_NUMBERS.length) {
            return OptionalLong.of(value);
        }
        int i = (int) value;
        OptionalLong o = SHARED_NUMBERS[i];
        if (o == null) { // a race only builds the same immutable value twice
            o = OptionalLong.of(value);
            SHARED_NUMBERS[i] = o;
        }
        return o;
    }

    private static final OptionalLong[] SHARED_NUMBERS = new OptionalLong[65_536];

    /** A summary with only the mandatory fields; add the rest with the {@code with...} methods. */
    public static MessageSummary of(
            Protocol protocol, Direction direction, int function, String functionName, AccessKind access) {
        return new MessageSummary(
                protocol,
                direction,
                function,
                functionName,
                access,
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                List.of(),
                List.of());
    }

    /**
     * A summary with the mandatory fields, unit and transaction in one construction: a dissector
     * that knows them from the frame header (Modbus MBAP) saves a copy per message.
     */
    public static MessageSummary of(
            Protocol protocol,
            Direction direction,
            int function,
            String functionName,
            AccessKind access,
            OptionalLong unit,
            OptionalLong transaction) {
        return new MessageSummary(
                protocol,
                direction,
                function,
                functionName,
                access,
                unit,
                transaction,
                OptionalLong.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                List.of(),
                List.of());
    }

    /**
     * A builder for one summary: the mandatory fields now, the optional parts as the dissector finds
     * them, and one {@link MessageSummary} at the end, where a {@code with...} chain makes a copy
     * per part. For one message on one thread.
     */
    public static Builder builder(
            Protocol protocol, Direction direction, int function, String functionName, AccessKind access) {
        return new Builder(protocol, direction, function, functionName, access);
    }

    /** Collects a summary's parts; see {@link #builder}. Its setters replace, as the {@code with...} methods do. */
    public static final class Builder {
        private final Protocol protocol;
        private final Direction direction;
        private final int function;
        private final String functionName;
        private final AccessKind access;
        private OptionalLong unit = OptionalLong.empty();
        private OptionalLong transaction = OptionalLong.empty();
        private OptionalLong address = OptionalLong.empty();
        private OptionalLong quantity = OptionalLong.empty();
        private Optional<String> status = Optional.empty();
        private List<Attribute> attributes = List.of();
        private List<Anomaly> anomalies = List.of();

        private Builder(Protocol protocol, Direction direction, int function, String functionName, AccessKind access) {
            this.protocol = protocol;
            this.direction = direction;
            this.function = function;
            this.functionName = functionName;
            this.access = access;
        }

        public Builder unit(OptionalLong u) {
            unit = Objects.requireNonNull(u, "unit");
            return this;
        }

        public Builder transaction(OptionalLong t) {
            transaction = Objects.requireNonNull(t, "transaction");
            return this;
        }

        public Builder range(long firstAddress, long count) {
            address = number(firstAddress);
            quantity = number(count);
            return this;
        }

        public Builder status(String s) {
            status = Optional.of(s);
            return this;
        }

        public Builder attribute(String name, String value) {
            attributes = AppendedList.append(attributes, new Attribute(name, value));
            return this;
        }

        public Builder anomaly(Anomaly anomaly) {
            anomalies = AppendedList.append(anomalies, anomaly);
            return this;
        }

        /** The quantity set so far, empty when none. */
        public OptionalLong quantity() {
            return quantity;
        }

        public MessageSummary build() {
            return new MessageSummary(
                    protocol,
                    direction,
                    function,
                    functionName,
                    access,
                    unit,
                    transaction,
                    address,
                    quantity,
                    status,
                    attributes,
                    anomalies);
        }
    }

    public MessageSummary withUnit(long u) {
        return copy(number(u), transaction, address, quantity, status, attributes, anomalies);
    }

    public MessageSummary withTransaction(long t) {
        return copy(unit, number(t), address, quantity, status, attributes, anomalies);
    }

    public MessageSummary withRange(long firstAddress, long count) {
        return copy(unit, transaction, number(firstAddress), number(count), status, attributes, anomalies);
    }

    public MessageSummary withStatus(String s) {
        return copy(unit, transaction, address, quantity, Optional.of(s), attributes, anomalies);
    }

    public MessageSummary withAttribute(String name, String value) {
        return copy(
                unit,
                transaction,
                address,
                quantity,
                status,
                AppendedList.append(attributes, new Attribute(name, value)),
                anomalies);
    }

    public MessageSummary withAnomaly(Anomaly anomaly) {
        return copy(unit, transaction, address, quantity, status, attributes, AppendedList.append(anomalies, anomaly));
    }

    /** The same message header with other optional parts. */
    private MessageSummary copy(
            OptionalLong u,
            OptionalLong t,
            OptionalLong addr,
            OptionalLong qty,
            Optional<String> st,
            List<Attribute> attrs,
            List<Anomaly> anoms) {
        return new MessageSummary(
                protocol, direction, function, functionName, access, u, t, addr, qty, st, attrs, anoms);
    }
}

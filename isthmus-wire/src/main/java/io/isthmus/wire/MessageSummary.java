package io.isthmus.wire;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * The protocol-independent view of one application message that every dissector produces and
 * {@code isthmus analyze} writes as one line of observations.jsonl. Protocol-specific records stay
 * in each protocol's package; this is what inventory, detection and reports read.
 *
 * <p>A value class with the accessors, equality and string form a record of its twelve parts
 * would have. Not a record because the four numbers (unit, transaction, address, quantity) are
 * kept as plain {@code long}s with a bit each for "present", not as {@link OptionalLong} objects:
 * a summary is made per message, and reading a number then reads this object only, which was just
 * made, instead of an {@code OptionalLong} elsewhere in the heap (the session layer pairs every
 * message by unit and transaction). The accessors give the {@code OptionalLong} as before; {@link
 * #hasTransaction}, {@link #unitOrElse} and {@link #transactionOrElse} read them without one.
 */
public final class MessageSummary {
    /** The unit is present (the plain-numbers constructor's {@code present} bits). */
    public static final int UNIT = 1;
    /** The transaction is present (see {@link #UNIT}). */
    public static final int TRANSACTION = 2;
    /** The address is present (see {@link #UNIT}). */
    public static final int ADDRESS = 4;
    /** The quantity is present (see {@link #UNIT}). */
    public static final int QUANTITY = 8;

    private final Protocol protocol;
    private final Direction direction;
    private final int function;
    private final String functionName;
    private final AccessKind access;
    /** Which of the four numbers are present: {@link #UNIT}, {@link #TRANSACTION}... An absent one is 0. */
    private final int present;

    private final long unit;
    private final long transaction;
    private final long address;
    private final long quantity;
    private final Optional<String> status;
    private final List<Attribute> attributes;
    private final List<Anomaly> anomalies;

    /**
     * @param protocol the protocol
     * @param direction request or response
     * @param function the numeric function, command or service code as the protocol defines it
     * @param functionName the specification's name for it ("Read Holding Registers", "PLC Stop")
     * @param access what the message does to the device's data
     * @param unit the addressed unit where the protocol has one (Modbus unit id, DNP3 destination,
     *     IEC 104 common address, CIP instance is not a unit)
     * @param transaction the id pairing a response with its request (Modbus transaction id, S7 PDU
     *     reference, ENIP sender context, DNP3 application sequence), when the protocol has one
     * @param address the first data address the message touches, when it has one
     * @param quantity how many items it touches, when it says
     * @param status an error or exception the message reports (Modbus exception name, CIP general
     *     status, DNP3 IIN bits set), empty for success
     * @param attributes protocol-specific details, in order
     * @param anomalies what the dissector found odd in the message
     */
    public MessageSummary(
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
        this(
                protocol,
                direction,
                function,
                functionName,
                access,
                bit(unit, UNIT, "unit")
                        | bit(transaction, TRANSACTION, "transaction")
                        | bit(address, ADDRESS, "address")
                        | bit(quantity, QUANTITY, "quantity"),
                unit.orElse(0),
                transaction.orElse(0),
                address.orElse(0),
                quantity.orElse(0),
                status,
                attributes,
                anomalies);
    }

    /**
     * A summary whose numbers are plain values: unit, transaction, address and quantity are each
     * present when {@code present} has its bit ({@link #UNIT}, {@link #TRANSACTION}, {@link
     * #ADDRESS}, {@link #QUANTITY}), and the value given for an absent one is ignored. For
     * dissectors that read the numbers from the frame: no {@link OptionalLong} is made per number
     * (the JIT does not always remove one made for the other constructor, and the hottest
     * dissectors make a summary per message).
     */
    public MessageSummary(
            Protocol protocol,
            Direction direction,
            int function,
            String functionName,
            AccessKind access,
            int present,
            long unit,
            long transaction,
            long address,
            long quantity,
            Optional<String> status,
            List<Attribute> attributes,
            List<Anomaly> anomalies) {
        if ((present & ~(UNIT | TRANSACTION | ADDRESS | QUANTITY)) != 0) {
            throw new IllegalArgumentException(
                    "present has bits other than UNIT, TRANSACTION, ADDRESS, QUANTITY: " + present);
        }
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.function = function;
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.access = Objects.requireNonNull(access, "access");
        this.present = present;
        this.unit = (present & UNIT) != 0 ? unit : 0;
        this.transaction = (present & TRANSACTION) != 0 ? transaction : 0;
        this.address = (present & ADDRESS) != 0 ? address : 0;
        this.quantity = (present & QUANTITY) != 0 ? quantity : 0;
        this.status = Objects.requireNonNull(status, "status");
        this.attributes = AppendedList.frozen(attributes);
        this.anomalies = AppendedList.frozen(anomalies);
    }

    /** {@code flag} when {@code o} (not null) is present, else 0. */
    private static int bit(OptionalLong o, int flag, String name) {
        return Objects.requireNonNull(o, name).isPresent() ? flag : 0;
    }

    /**
     * {@code OptionalLong.of(value)}; the same instance every time for a value in 0..255 (units,
     * sequence numbers, small quantities). Larger values get a new object: summaries keep their
     * numbers as plain values, so one made here to be passed to a summary's constructor or builder
     * is read there at once, and the JIT's escape analysis usually removes it. (A shared instance
     * per 16-bit value was tried: reading those objects, spread over the heap, cost more.)
     */
    public static OptionalLong number(long value) {
        return value >= 0 && value < SMALL_NUMBERS.length ? SMALL_NUMBERS[(int) value] : OptionalLong.of(value);
    }

    private static final OptionalLong[] SMALL_NUMBERS =
            LongStream.range(0, 256).mapToObj(OptionalLong::of).toArray(OptionalLong[]::new);

    /** A summary with only the mandatory fields; add the rest with the {@code with...} methods. */
    public static MessageSummary of(
            Protocol protocol, Direction direction, int function, String functionName, AccessKind access) {
        return new MessageSummary(
                protocol,
                direction,
                function,
                functionName,
                access,
                0,
                0,
                0,
                0,
                0,
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
                bit(unit, UNIT, "unit") | bit(transaction, TRANSACTION, "transaction"),
                unit.orElse(0),
                transaction.orElse(0),
                0,
                0,
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
        private int present;
        private long unit;
        private long transaction;
        private long address;
        private long quantity;
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
            present = present & ~UNIT | bit(u, UNIT, "unit");
            unit = u.orElse(0);
            return this;
        }

        public Builder transaction(OptionalLong t) {
            present = present & ~TRANSACTION | bit(t, TRANSACTION, "transaction");
            transaction = t.orElse(0);
            return this;
        }

        public Builder range(long firstAddress, long count) {
            present |= ADDRESS | QUANTITY;
            address = firstAddress;
            quantity = count;
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
            return optional(present, QUANTITY, quantity);
        }

        public MessageSummary build() {
            return new MessageSummary(
                    protocol,
                    direction,
                    function,
                    functionName,
                    access,
                    present,
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
        return copy(present | UNIT, u, transaction, address, quantity, status, attributes, anomalies);
    }

    public MessageSummary withTransaction(long t) {
        return copy(present | TRANSACTION, unit, t, address, quantity, status, attributes, anomalies);
    }

    public MessageSummary withRange(long firstAddress, long count) {
        return copy(
                present | ADDRESS | QUANTITY, unit, transaction, firstAddress, count, status, attributes, anomalies);
    }

    public MessageSummary withStatus(String s) {
        return copy(present, unit, transaction, address, quantity, Optional.of(s), attributes, anomalies);
    }

    public MessageSummary withAttribute(String name, String value) {
        return copy(
                present,
                unit,
                transaction,
                address,
                quantity,
                status,
                AppendedList.append(attributes, new Attribute(name, value)),
                anomalies);
    }

    public MessageSummary withAnomaly(Anomaly anomaly) {
        return copy(
                present,
                unit,
                transaction,
                address,
                quantity,
                status,
                attributes,
                AppendedList.append(anomalies, anomaly));
    }

    /** The same message header with other optional parts. */
    private MessageSummary copy(
            int has,
            long u,
            long t,
            long addr,
            long qty,
            Optional<String> st,
            List<Attribute> attrs,
            List<Anomaly> anoms) {
        return new MessageSummary(
                protocol, direction, function, functionName, access, has, u, t, addr, qty, st, attrs, anoms);
    }

    private static OptionalLong optional(int present, int flag, long value) {
        return (present & flag) != 0 ? number(value) : OptionalLong.empty();
    }

    public Protocol protocol() {
        return protocol;
    }

    public Direction direction() {
        return direction;
    }

    /** The numeric function, command or service code as the protocol defines it. */
    public int function() {
        return function;
    }

    /** The specification's name for the function ("Read Holding Registers", "PLC Stop"). */
    public String functionName() {
        return functionName;
    }

    public AccessKind access() {
        return access;
    }

    /**
     * The addressed unit where the protocol has one (Modbus unit id, DNP3 destination, IEC 104
     * common address, CIP instance is not a unit).
     */
    public OptionalLong unit() {
        return optional(present, UNIT, unit);
    }

    /**
     * The id pairing a response with its request (Modbus transaction id, S7 PDU reference, ENIP
     * sender context, DNP3 application sequence), when the protocol has one.
     */
    public OptionalLong transaction() {
        return optional(present, TRANSACTION, transaction);
    }

    /** The first data address the message touches, when it has one. */
    public OptionalLong address() {
        return optional(present, ADDRESS, address);
    }

    /** How many items the message touches, when it says. */
    public OptionalLong quantity() {
        return optional(present, QUANTITY, quantity);
    }

    /**
     * An error or exception the message reports (Modbus exception name, CIP general status, DNP3
     * IIN bits set), empty for success.
     */
    public Optional<String> status() {
        return status;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public List<Anomaly> anomalies() {
        return anomalies;
    }

    /** Whether {@link #transaction} is present. */
    public boolean hasTransaction() {
        return (present & TRANSACTION) != 0;
    }

    /** {@code unit().orElse(other)}. */
    public long unitOrElse(long other) {
        return (present & UNIT) != 0 ? unit : other;
    }

    /** {@code transaction().orElse(other)}. */
    public long transactionOrElse(long other) {
        return (present & TRANSACTION) != 0 ? transaction : other;
    }

    /** Equal when all twelve parts are, as for a record. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MessageSummary m
                && protocol == m.protocol
                && direction == m.direction
                && function == m.function
                && functionName.equals(m.functionName)
                && access == m.access
                && present == m.present
                && unit == m.unit
                && transaction == m.transaction
                && address == m.address
                && quantity == m.quantity
                && status.equals(m.status)
                && attributes.equals(m.attributes)
                && anomalies.equals(m.anomalies);
    }

    /** The hash a record of the twelve parts would have. */
    @Override
    public int hashCode() {
        int h = protocol.hashCode();
        h = 31 * h + direction.hashCode();
        h = 31 * h + Integer.hashCode(function);
        h = 31 * h + functionName.hashCode();
        h = 31 * h + access.hashCode();
        h = 31 * h + unit().hashCode();
        h = 31 * h + transaction().hashCode();
        h = 31 * h + address().hashCode();
        h = 31 * h + quantity().hashCode();
        h = 31 * h + status.hashCode();
        h = 31 * h + attributes.hashCode();
        return 31 * h + anomalies.hashCode();
    }

    /** The string a record of the twelve parts would have. */
    @Override
    public String toString() {
        return "MessageSummary[protocol=" + protocol
                + ", direction=" + direction
                + ", function=" + function
                + ", functionName=" + functionName
                + ", access=" + access
                + ", unit=" + unit()
                + ", transaction=" + transaction()
                + ", address=" + address()
                + ", quantity=" + quantity()
                + ", status=" + status
                + ", attributes=" + attributes
                + ", anomalies=" + anomalies
                + "]";
    }
}

package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The builder makes in one construction exactly the summary a {@code with...} chain makes. */
class MessageSummaryBuilderTest {

    @Test
    void aBuilderGivesTheSummaryTheWithChainGivesForEveryMixOfParts() {
        Random random = new Random(13);
        for (int round = 0; round < 5_000; round++) {
            Protocol protocol = Protocol.values()[random.nextInt(Protocol.values().length)];
            Direction direction = random.nextBoolean() ? Direction.REQUEST : Direction.RESPONSE;
            int function = random.nextInt(256);
            AccessKind access = AccessKind.values()[random.nextInt(AccessKind.values().length)];
            MessageSummary chained = MessageSummary.of(protocol, direction, function, "f" + function, access);
            MessageSummary.Builder builder =
                    MessageSummary.builder(protocol, direction, function, "f" + function, access);
            int parts = random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                long a = random.nextBoolean() ? random.nextInt(70_000) : random.nextLong();
                long b = random.nextInt(2_000);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        chained = chained.withUnit(a);
                        builder.unit(MessageSummary.number(a));
                    }
                    case 1 -> {
                        chained = chained.withTransaction(a);
                        builder.transaction(MessageSummary.number(a));
                    }
                    case 2 -> {
                        chained = chained.withRange(a, b);
                        builder.range(a, b);
                    }
                    case 3 -> {
                        chained = chained.withStatus("status " + a);
                        builder.status("status " + a);
                    }
                    case 4 -> {
                        chained = chained.withAttribute("name" + p, "value " + a);
                        builder.attribute("name" + p, "value " + a);
                    }
                    default -> {
                        chained = chained.withAnomaly(new Anomaly("code" + p, "detail " + a));
                        builder.anomaly(new Anomaly("code" + p, "detail " + a));
                    }
                }
            }
            assertThat(builder.quantity()).isEqualTo(chained.quantity());
            assertThat(builder.build()).as("round %d", round).isEqualTo(chained);
        }
    }

    @Test
    void aBuilderWithNoOptionalPartGivesWhatOfGives() {
        MessageSummary built = MessageSummary.builder(
                        Protocol.MODBUS, Direction.REQUEST, 3, "Read Holding Registers", AccessKind.READ)
                .build();
        assertThat(built)
                .isEqualTo(MessageSummary.of(
                        Protocol.MODBUS, Direction.REQUEST, 3, "Read Holding Registers", AccessKind.READ));
        assertThat(built.attributes()).isEmpty();
        assertThat(built.anomalies()).isEmpty();
        assertThat(built.unit()).isEqualTo(OptionalLong.empty());
    }

    @Test
    void theBuiltListsCannotBeChanged() {
        MessageSummary built = MessageSummary.builder(
                        Protocol.MODBUS, Direction.REQUEST, 6, "Write Single Register", AccessKind.WRITE)
                .attribute("values", "7")
                .anomaly(new Anomaly("modbus_invalid_request", "a server answers ILLEGAL_DATA_VALUE"))
                .build();
        assertThatThrownBy(() -> built.attributes().add(new Attribute("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.anomalies().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(built.attributes()).containsExactly(new Attribute("values", "7"));
    }

    /**
     * The constructor with plain numbers and "present" bits makes the summary the other one makes from
     * the same numbers as {@link OptionalLong}s; the value given for an absent number is ignored.
     */
    @Test
    void theConstructorWithPlainNumbersGivesWhatTheOneWithOptionalsGives() {
        Random random = new Random(29);
        int[] bits = {MessageSummary.UNIT, MessageSummary.TRANSACTION, MessageSummary.ADDRESS, MessageSummary.QUANTITY};
        for (int round = 0; round < 5_000; round++) {
            int present = random.nextInt(16);
            long[] values = new long[4];
            OptionalLong[] optionals = new OptionalLong[4];
            for (int i = 0; i < 4; i++) {
                values[i] = random.nextBoolean() ? random.nextInt(70_000) : random.nextLong();
                optionals[i] = (present & bits[i]) != 0 ? OptionalLong.of(values[i]) : OptionalLong.empty();
            }
            Optional<String> status = random.nextBoolean() ? Optional.empty() : Optional.of("Illegal Data Address");
            List<Attribute> attributes = random.nextBoolean() ? List.of() : List.of(new Attribute("values", "7"));
            MessageSummary plain = new MessageSummary(
                    Protocol.MODBUS,
                    Direction.RESPONSE,
                    3,
                    "Read Holding Registers",
                    AccessKind.READ,
                    present,
                    values[0],
                    values[1],
                    values[2],
                    values[3],
                    status,
                    attributes,
                    List.of());
            MessageSummary viaOptionals = new MessageSummary(
                    Protocol.MODBUS,
                    Direction.RESPONSE,
                    3,
                    "Read Holding Registers",
                    AccessKind.READ,
                    optionals[0],
                    optionals[1],
                    optionals[2],
                    optionals[3],
                    status,
                    attributes,
                    List.of());
            assertThat(plain).isEqualTo(viaOptionals).hasSameHashCodeAs(viaOptionals);
            assertThat(plain.toString()).isEqualTo(viaOptionals.toString());
            assertThat(plain.unit()).isEqualTo(optionals[0]);
            assertThat(plain.transaction()).isEqualTo(optionals[1]);
            assertThat(plain.address()).isEqualTo(optionals[2]);
            assertThat(plain.quantity()).isEqualTo(optionals[3]);
        }
        assertThatThrownBy(() -> new MessageSummary(
                        Protocol.MODBUS,
                        Direction.RESPONSE,
                        3,
                        "Read Holding Registers",
                        AccessKind.READ,
                        16,
                        0,
                        0,
                        0,
                        0,
                        Optional.empty(),
                        List.of(),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("present");
    }
}

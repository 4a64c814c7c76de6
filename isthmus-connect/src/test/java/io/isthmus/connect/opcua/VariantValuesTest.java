package io.isthmus.connect.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ulong;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.isthmus.connect.config.Scaling;
import io.isthmus.model.Value;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Variant built-in types (Part 6, 5.1.2) to process values. */
class VariantValuesTest {

    static Stream<Arguments> scalars() {
        return Stream.of(
                Arguments.of(Variant.ofBoolean(true), Value.of(true)),
                Arguments.of(Variant.ofSByte((byte) -5), Value.of(-5L)),
                Arguments.of(Variant.ofByte(ubyte(200)), Value.of(200L)),
                Arguments.of(Variant.ofInt16((short) -300), Value.of(-300L)),
                Arguments.of(Variant.ofUInt16(ushort(65_535)), Value.of(65_535L)),
                Arguments.of(Variant.ofInt32(-70_000), Value.of(-70_000L)),
                Arguments.of(Variant.ofUInt32(uint(4_294_967_295L)), Value.of(4_294_967_295L)),
                Arguments.of(Variant.ofInt64(Long.MIN_VALUE), Value.of(Long.MIN_VALUE)),
                Arguments.of(Variant.ofUInt64(ulong(Long.MAX_VALUE)), Value.of(Long.MAX_VALUE)),
                Arguments.of(Variant.ofUInt64(ulong(-1L)), Value.of(1.8446744073709552E19)),
                Arguments.of(Variant.ofFloat(1.5f), Value.of(1.5)),
                Arguments.of(Variant.ofDouble(-0.25), Value.of(-0.25)),
                Arguments.of(Variant.ofString("recipe-7"), Value.of("recipe-7")),
                Arguments.of(Variant.ofLocalizedText(LocalizedText.english("Running")), Value.of("Running")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalars")
    void scalar_built_in_types_become_values_without_loss(Variant variant, Value expected) {
        assertThat(VariantValues.toValue(variant, Scaling.IDENTITY)).contains(expected);
    }

    static Stream<Variant> notProcessValues() {
        return Stream.of(
                Variant.NULL_VALUE,
                Variant.of(new Integer[] {1, 2}),
                Variant.ofByteString(ByteString.of(new byte[] {1})),
                Variant.ofNodeId(new NodeId(0, 85)),
                Variant.ofDateTime(DateTime.now()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notProcessValues")
    void arrays_null_and_other_types_give_no_value(Variant variant) {
        assertThat(VariantValues.toValue(variant, Scaling.IDENTITY)).isEmpty();
    }

    @Test
    void scaling_turns_numbers_into_reals_and_refuses_booleans_and_text() {
        Scaling tenth = new Scaling(0.1, -2);

        assertThat(VariantValues.toValue(Variant.ofUInt16(ushort(235)), tenth)).contains(Value.of(21.5));
        assertThat(VariantValues.toValue(Variant.ofDouble(10), tenth)).contains(Value.of(-1.0));
        assertThat(VariantValues.toValue(Variant.ofBoolean(true), tenth)).isEqualTo(Optional.empty());
        assertThat(VariantValues.toValue(Variant.ofString("x"), tenth)).isEqualTo(Optional.empty());
    }
}

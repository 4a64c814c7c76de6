package io.isthmus.sim.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Value;
import io.isthmus.sim.process.PointType;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

class PointValuesTest {

    @Test
    void each_point_type_has_its_built_in_data_type() {
        assertThat(PointValues.dataType(PointType.BOOL)).isEqualTo(NodeIds.Boolean);
        assertThat(PointValues.dataType(PointType.INT)).isEqualTo(NodeIds.Int64);
        assertThat(PointValues.dataType(PointType.REAL)).isEqualTo(NodeIds.Double);
    }

    @Test
    void values_become_variants_of_the_matching_built_in_type() {
        assertThat(PointValues.toVariant(Value.of(true)).getValue()).isEqualTo(true);
        assertThat(PointValues.toVariant(Value.of(Long.MAX_VALUE)).getValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(PointValues.toVariant(Value.of(2.5)).getValue()).isEqualTo(2.5);
        assertThat(PointValues.toVariant(Value.of("recipe-7")).getValue()).isEqualTo("recipe-7");
    }

    @Test
    void a_written_variant_of_the_exact_type_becomes_the_process_value() {
        assertThat(PointValues.fromVariant(PointType.BOOL, Variant.ofBoolean(true)))
                .contains(Value.of(true));
        assertThat(PointValues.fromVariant(PointType.INT, Variant.ofInt64(-3L))).contains(Value.of(-3L));
        assertThat(PointValues.fromVariant(PointType.REAL, Variant.ofDouble(0.5)))
                .contains(Value.of(0.5));
    }

    @Test
    void a_written_variant_of_another_type_is_a_mismatch() {
        assertThat(PointValues.fromVariant(PointType.BOOL, Variant.ofInt32(1))).isEmpty();
        assertThat(PointValues.fromVariant(PointType.INT, Variant.ofInt32(1))).isEmpty();
        assertThat(PointValues.fromVariant(PointType.REAL, Variant.ofFloat(1f))).isEmpty();
        assertThat(PointValues.fromVariant(PointType.REAL, Variant.NULL_VALUE)).isEmpty();
    }

    @Test
    void a_unit_symbol_known_to_unece_rec_20_gets_its_code_others_get_minus_one() {
        assertThat(EngineeringUnits.forSymbol("°C").getUnitId()).isEqualTo(4_408_652);
        assertThat(EngineeringUnits.forSymbol("bottles/min").getUnitId()).isEqualTo(-1);
        assertThat(EngineeringUnits.forSymbol("bottles/min").getDisplayName().getText())
                .isEqualTo("bottles/min");
    }
}

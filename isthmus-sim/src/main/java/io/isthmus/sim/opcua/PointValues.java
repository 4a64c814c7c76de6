package io.isthmus.sim.opcua;

import io.isthmus.model.Value;
import io.isthmus.sim.process.PointType;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Maps process values to OPC UA built-in types (OPC UA Part 6, 5.1.2): BOOL is Boolean, INT is
 * Int64 (a {@link Value.Int} is a Java long, so no value is narrowed), REAL is Double.
 */
final class PointValues {

    private PointValues() {}

    /** The DataType attribute of a variable publishing a point of this type. */
    static NodeId dataType(PointType type) {
        return switch (type) {
            case BOOL -> NodeIds.Boolean;
            case INT -> NodeIds.Int64;
            case REAL -> NodeIds.Double;
        };
    }

    /** The variant a client reads; text, which no point type declares, is sent as String. */
    static Variant toVariant(Value value) {
        return switch (value) {
            case Value.Bool b -> Variant.ofBoolean(b.value());
            case Value.Int i -> Variant.ofInt64(i.value());
            case Value.Real r -> Variant.ofDouble(r.value());
            case Value.Text t -> Variant.ofString(t.value());
        };
    }

    /**
     * The process value a client's write stands for, or empty when the variant's type does not fit
     * the point (Bad_TypeMismatch). Only the exact built-in type of the point is accepted, as the
     * server's DataType check already demands.
     */
    static Optional<Value> fromVariant(PointType type, Variant variant) {
        Object raw = variant.getValue();
        return switch (type) {
            case BOOL -> raw instanceof Boolean b ? Optional.of(Value.of(b)) : Optional.empty();
            case INT -> raw instanceof Long l ? Optional.of(Value.of(l)) : Optional.empty();
            case REAL -> raw instanceof Double d ? Optional.of(Value.of(d)) : Optional.empty();
        };
    }
}

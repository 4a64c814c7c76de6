package io.isthmus.connect.opcua;

import io.isthmus.connect.config.Scaling;
import io.isthmus.model.Value;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;

/**
 * Turns the scalar built-in types of a Variant (OPC UA Part 6, 5.1.2) into a {@link Value}:
 * Boolean to Bool; the integer types to Int (a UInt64 above 2^63-1 to Real); Float and Double to
 * Real; String and LocalizedText to Text. Numbers are scaled when the tag has a scaling (then an
 * integer becomes Real). Arrays, structures, null and any other type give no value: the caller
 * marks the tag BAD_DEVICE and counts it, because the configuration points at something that is
 * not a process value.
 */
final class VariantValues {
    private VariantValues() {}

    static Optional<Value> toValue(Variant variant, Scaling scaling) {
        Object v = variant == null ? null : variant.value();
        Value raw = switch (v) {
            case null -> null;
            case Boolean b -> Value.of(b);
            case Float f -> Value.of(f.doubleValue());
            case Double d -> Value.of(d);
            case ULong u -> u.longValue() >= 0 ? Value.of(u.longValue()) : Value.of(u.doubleValue());
            case Number n -> Value.of(n.longValue());
            case String s -> Value.of(s);
            case LocalizedText t -> Value.of(t.text() == null ? "" : t.text());
            default -> null;
        };
        if (raw == null) {
            return Optional.empty();
        }
        if (scaling.isIdentity()) {
            return Optional.of(raw);
        }
        return switch (raw) {
            case Value.Int i -> Optional.of(Value.of(scaling.apply(i.value())));
            case Value.Real r -> Optional.of(Value.of(scaling.apply(r.value())));
            case Value.Bool b -> Optional.empty();
            case Value.Text t -> Optional.empty();
        };
    }
}

package io.isthmus.wire.modbus;

import java.util.Objects;
import java.util.function.Function;

/** The outcome of decoding one PDU: a value, or the reason and offset where it went wrong. */
public sealed interface PduDecode<T> {

    /** The value transformed by {@code f}, or the same malformation. */
    default <U> PduDecode<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Malformed<T> m -> new Malformed<>(m.error(), m.offset());
        };
    }

    record Ok<T>(T value) implements PduDecode<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code offset} counts from the function code (offset 0) to the offending field. */
    record Malformed<T>(PduError error, int offset) implements PduDecode<T> {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }

        public String reason() {
            return error.description();
        }
    }
}

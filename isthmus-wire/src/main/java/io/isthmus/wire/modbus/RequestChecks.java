package io.isthmus.wire.modbus;

import java.util.Optional;

/** The quantity, value and address checks shared by the request records' {@code validate}. */
final class RequestChecks {
    static final Optional<ExceptionCode> OK = Optional.empty();
    private static final Optional<ExceptionCode> DATA_VALUE = Optional.of(ExceptionCode.ILLEGAL_DATA_VALUE);
    private static final Optional<ExceptionCode> DATA_ADDRESS = Optional.of(ExceptionCode.ILLEGAL_DATA_ADDRESS);

    private RequestChecks() {}

    /** Quantity {@code 1..max}, else ILLEGAL_DATA_VALUE; then the range must fit the 16-bit address space. */
    static Optional<ExceptionCode> quantityAndSpan(int address, int quantity, int max) {
        if (quantity < 1 || quantity > max) {
            return DATA_VALUE;
        }
        return span(address, quantity);
    }

    /** {@code address + quantity} beyond 0x10000 addresses registers that cannot exist. */
    static Optional<ExceptionCode> span(int address, int quantity) {
        return address + quantity > 0x10000 ? DATA_ADDRESS : OK;
    }

    static Optional<ExceptionCode> valueIf(boolean invalid) {
        return invalid ? DATA_VALUE : OK;
    }

    static Optional<ExceptionCode> addressIf(boolean invalid) {
        return invalid ? DATA_ADDRESS : OK;
    }

    static Optional<ExceptionCode> illegalFunction() {
        return Optional.of(ExceptionCode.ILLEGAL_FUNCTION);
    }
}

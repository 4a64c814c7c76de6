package io.isthmus.wire.iec104.apci;

import java.util.Objects;

/**
 * The application protocol control information (IEC 60870-5-104 clause 5): the four control
 * octets after the start and length octets select one of three frame formats.
 */
public sealed interface Apci {

    /** Numbered information transfer carrying an ASDU (clause 5.1), with 15-bit sequence numbers. */
    record IFormat(int sendSequence, int receiveSequence) implements Apci {}

    /** Numbered supervisory acknowledgement without an ASDU (clause 5.2). */
    record SFormat(int receiveSequence) implements Apci {}

    /** Unnumbered control: start/stop data transfer, test frame (clause 5.3). */
    record UFormat(UFunction function, int control) implements Apci {
        public UFormat {
            Objects.requireNonNull(function, "function");
        }
    }
}

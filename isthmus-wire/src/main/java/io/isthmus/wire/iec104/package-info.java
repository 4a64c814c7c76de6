/**
 * IEC 60870-5-104 for the passive sensor: {@code apci} (start octet, length, I/S/U control field,
 * IEC 60870-5-104 clause 5) and {@code asdu} (data unit identifier, IEC 60870-5-101 clause 7 with
 * the -104 field sizes). Entry points: {@link io.isthmus.wire.iec104.Iec104DissectorFactory} and
 * the {@link io.isthmus.wire.iec104.Iec104Dissector} it makes, bounded by {@link
 * io.isthmus.wire.iec104.Iec104Limits}.
 *
 * <p>Summaries: one per APDU. For I-format, {@code function} is the type identification, {@code
 * unit} the common address, {@code address} the first information object address and {@code
 * quantity} the number of objects; attributes {@code apci}, {@code send_seq}, {@code recv_seq},
 * {@code cause}, {@code originator} and {@code test}; {@code status} is {@code negative} for a
 * negative confirmation and names the "unknown ..." causes 44–47. S- and U-format APDUs have
 * function {@code 0x100 | first control octet} (S = 257, STARTDT act = 263, STARTDT con = 267,
 * STOPDT act = 275, STOPDT con = 291, TESTFR act = 323, TESTFR con = 387), never a type id.
 *
 * <p>Direction: causes act and deact (and req with a command type) are requests; confirmations,
 * terminations and monitor-direction causes are responses; U-format activations are requests and
 * confirmations responses; S-format frames and other causes follow the session's hint.
 *
 * <p>Access kinds: monitor-direction types and interrogation/read commands = read; single, double
 * and regulating step commands and reset process = control; set points, bitstring commands,
 * parameters and clock synchronisation = write; file transfer = program; test commands, delay
 * acquisition, unknown types and all S/U-format frames = diagnostic.
 */
package io.isthmus.wire.iec104;

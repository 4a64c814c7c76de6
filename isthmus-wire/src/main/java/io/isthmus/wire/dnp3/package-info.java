/**
 * DNP3 (IEEE 1815-2012) for the passive sensor, in the layers of the standard: {@code link}
 * (frames, CRCs, resynchronisation), {@code transport} (segment reassembly) and {@code app} (function codes,
 * IIN, object headers). Entry points: {@link io.isthmus.wire.dnp3.Dnp3DissectorFactory} and the
 * {@link io.isthmus.wire.dnp3.Dnp3Dissector} it makes, bounded by {@link
 * io.isthmus.wire.dnp3.Dnp3Limits}.
 *
 * <p>Summaries: one per application fragment. {@code function} is the application function code,
 * {@code unit} the link destination address, {@code transaction} the application sequence number,
 * {@code direction} the link DIR bit (master to outstation = request), {@code address}/{@code
 * quantity} the first object header that names points, {@code status} the IIN bits that report
 * problems; attributes {@code source} (link source address), {@code objects} (headers such as
 * {@code g12v1 q0x28 n=1 @5}), {@code iin} (all set IIN bits) and {@code unsolicited}.
 *
 * <p>Access kinds: read and confirm = read; write and the freeze functions = write; select,
 * operate, direct operate, restarts, initialise/start/stop/save application = control; file
 * functions and activate configuration = program; unsolicited enable/disable, assign class, delay
 * measurement, record current time and secure authentication = diagnostic. A response takes the
 * kind of the request with its sequence number when the same dissector saw it (UDP), else
 * control when it echoes CROB or analog output objects, program when it carries file objects,
 * read otherwise.
 *
 * <p>Frames that complete no fragment (link-only frames, middle segments) and bytes dropped while
 * resynchronising are returned as an empty message list with the bytes consumed.
 */
package io.isthmus.wire.dnp3;

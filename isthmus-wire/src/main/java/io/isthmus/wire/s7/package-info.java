/**
 * Siemens S7 over ISO-on-TCP: RFC 1006 TPKT framing ({@code tpkt}), ISO 8073 class 0 COTP with
 * bounded reassembly ({@code cotp}), S7comm ({@code s7comm}, protocol id 0x32) and the recognition
 * of S7comm-plus ({@code s7commplus}, protocol id 0x72, S7-1200/1500).
 *
 * <p>Entry points: {@link io.isthmus.wire.s7.S7commDissectorFactory} and {@link
 * io.isthmus.wire.s7.S7commPlusDissectorFactory}; both create an {@link
 * io.isthmus.wire.s7.S7Dissector}, which labels each PDU with its own protocol. Every bound is in
 * {@link io.isthmus.wire.s7.S7Limits}.
 *
 * <p>Counting like tshark ({@code s7comm.header.rosctr == 1} by {@code s7comm.param.func}): take
 * the summaries with protocol {@code s7comm} and attribute {@code rosctr = job}, group by {@code
 * function}. Jobs are requests whichever side sends them; COTP summaries carry {@code cotp_tpdu}
 * instead of {@code rosctr}, userdata uses function numbers {@code 0x7000 | group << 8 |
 * subfunction}, an ack without parameter uses 0x0200, so none of them mixes with job counts.
 */
package io.isthmus.wire.s7;

/**
 * Flows and reassembly for the passive path: IPv4 and IPv6 fragments into datagrams, packets into
 * bidirectional flows keyed by 5-tuple and VLAN, and TCP segments into in-order byte streams per
 * direction, all under the bounds of one {@link io.isthmus.observe.flow.FlowLimits}.
 *
 * <p>{@link io.isthmus.observe.flow.FlowPipeline} composes the steps: each captured packet is
 * decoded ({@link io.isthmus.wire.packet.PacketDecoder}), fragments go through {@link
 * io.isthmus.observe.flow.IpReassembler}, and the {@link io.isthmus.observe.flow.FlowTable} finds
 * the flow, learns which side is the client and feeds each direction's {@link
 * io.isthmus.observe.flow.TcpReassembler}. A {@link io.isthmus.observe.flow.FlowListener} receives
 * UDP datagrams, contiguous TCP bytes, gaps (so a dissector can resynchronise), closes, and non-IP
 * frames such as PROFINET DCP. The session layer above keeps one {@link io.isthmus.wire.Dissector}
 * per flow direction in {@link io.isthmus.observe.flow.Flow#attachment()}.
 *
 * <p>Time is capture time: timeouts compare packet timestamps, never the wall clock.
 */
package io.isthmus.observe.flow;
